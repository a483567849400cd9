namespace WiangHa.Platform.Domain.Common;

/// <summary>
/// An entity edited by people who may race each other: <see cref="Version"/> is its optimistic concurrency token,
/// replaced on every save, so a stale edit fails instead of silently overwriting.
/// </summary>
public interface IVersioned
{
    Guid Version { get; set; }
}

/// <summary>
/// An entity an integrator syncs: listed oldest change first and from a high-water mark (<c>updatedSince</c>). The id
/// breaks ties between rows saved at the same instant.
/// </summary>
public interface IChangeTracked
{
    Guid Id { get; }

    /// <summary>Set by the writer, or stamped from the clock when a row is saved without one (see VersionStampInterceptor).</summary>
    DateTimeOffset UpdatedAt { get; set; }
}
