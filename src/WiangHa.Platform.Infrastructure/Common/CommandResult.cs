namespace WiangHa.Platform.Infrastructure.Common;

/// <summary>
/// The outcome of a write use case. The web layer turns each case into a page message or a ProblemDetails;
/// use cases never throw for expected failures.
/// </summary>
public abstract record CommandResult
{
    public sealed record Success(Guid Id, Guid Version) : CommandResult;

    /// <summary>No such row in the current tenant (another tenant's row is indistinguishable from none).</summary>
    public sealed record NotFound : CommandResult;

    /// <summary>Field errors in Thai, keyed by input property name (e.g. <c>Title</c>, <c>EvidenceLinks[0].Url</c>).</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : CommandResult;

    /// <summary>Someone else saved the row after it was loaded: nothing was written.</summary>
    public sealed record Conflict(string Message, Guid CurrentVersion) : CommandResult;

    /// <summary>The same submission was already saved: nothing new was written.</summary>
    public sealed record Duplicate(string Message, Guid ExistingId) : CommandResult;

    public static Invalid InvalidField(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}
