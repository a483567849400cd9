namespace WiangHa.Platform.Infrastructure.Common;

/// <summary>
/// The version a write expects to find (ADR 0008): what an API request says in <c>If-Match</c> / <c>If-None-Match</c>
/// (RFC 9110 §13.1), or what a form carried in its hidden version field.
/// </summary>
public readonly record struct ExpectedVersion
{
    private enum Kind { Unstated, Exactly, Any, NoneExisting }

    private readonly Kind kind;
    private readonly Guid version;

    private ExpectedVersion(Kind kind, Guid version = default)
    {
        this.kind = kind;
        this.version = version;
    }

    /// <summary>No precondition was sent: an edit or delete of an existing row is then refused (428).</summary>
    public static ExpectedVersion Unstated => default;

    /// <summary><c>If-Match: "…"</c> or a form's hidden version: only this version may be changed.</summary>
    public static ExpectedVersion Exactly(Guid version) => new(Kind.Exactly, version);

    /// <summary><c>If-Match: *</c>: whatever the current version, as long as the row exists.</summary>
    public static ExpectedVersion Any => new(Kind.Any);

    /// <summary><c>If-None-Match: *</c>: create only; a row that exists already is a conflict.</summary>
    public static ExpectedVersion NoneExisting => new(Kind.NoneExisting);

    public bool IsStated => kind != Kind.Unstated;

    /// <summary>A form's hidden version: null (the form was opened before the row existed) means create only.</summary>
    public static ExpectedVersion FromForm(Guid? version) => version is { } v ? Exactly(v) : NoneExisting;

    /// <summary>Pages and tests hand over the version they read; none is <see cref="Unstated"/>.</summary>
    public static implicit operator ExpectedVersion(Guid? version) => version is { } v ? Exactly(v) : Unstated;

    /// <summary>
    /// The rule for a row that exists, written once: unstated is <see cref="CommandResult.PreconditionRequired"/>, another
    /// version or "create only" a <see cref="CommandResult.Conflict"/>; null when the write may go on.
    /// </summary>
    public CommandResult? Check(Guid current, string requiredMessage, string conflictMessage) => kind switch
    {
        Kind.Unstated => new CommandResult.PreconditionRequired(requiredMessage),
        Kind.Exactly when version != current => new CommandResult.Conflict(conflictMessage, current),
        Kind.NoneExisting => new CommandResult.Conflict(conflictMessage, current),
        _ => null,
    };

    /// <summary>The rule for a row that does not exist: only an unconditional or create-only write may create it.</summary>
    public bool AllowsCreate => kind is Kind.Unstated or Kind.NoneExisting;

    /// <summary>The version the database must still hold when the write commits (the optimistic-concurrency token).</summary>
    public Guid OriginalFor(Guid loaded) => kind == Kind.Exactly ? version : loaded;

    public override string ToString() => kind switch
    {
        Kind.Exactly => $"\"{version:N}\"",
        Kind.Any => "*",
        Kind.NoneExisting => "none",
        _ => "unstated",
    };
}
