namespace WiangHa.Platform.Infrastructure.Common;

/// <summary>
/// The outcome of a write use case. The web layer turns each case into a page message or a ProblemDetails;
/// use cases never throw for expected failures.
/// A use case whose success says more than an id and a version declares its own success record deriving from this
/// one, in its own file (ADR 0008).
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

    /// <summary>An edit or delete of an existing row came without the version it was read at: nothing was written.</summary>
    public sealed record PreconditionRequired(string Message) : CommandResult;

    /// <summary>The same submission was already saved: nothing new was written.</summary>
    public sealed record Duplicate(string Message, Guid ExistingId) : CommandResult;

    /// <summary>ADR 0008's rule for an edit or delete of a row that exists; see <see cref="ExpectedVersion.Check"/>.</summary>
    public static CommandResult? CheckVersion(Guid current, ExpectedVersion expected, string requiredMessage, string conflictMessage) =>
        expected.Check(current, requiredMessage, conflictMessage);

    public static Invalid InvalidField(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}
