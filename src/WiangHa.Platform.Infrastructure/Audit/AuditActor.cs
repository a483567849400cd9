namespace WiangHa.Platform.Infrastructure.Audit;

/// <summary>Who is acting now: the signed-in user of a request, or the system in a job.</summary>
public sealed record AuditActor(Guid? UserId, string? Name, string? IpAddress)
{
    public static readonly AuditActor System = new(null, "system", null);
}

/// <summary>Supplies the current actor; the web host reads it from the request, jobs get <see cref="AuditActor.System"/>.</summary>
public interface IAuditActorAccessor
{
    AuditActor Current { get; }
}

public sealed class SystemAuditActorAccessor : IAuditActorAccessor
{
    public AuditActor Current => AuditActor.System;
}
