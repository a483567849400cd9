namespace WiangHa.Platform.Infrastructure.Identity;

/// <summary>
/// One password sign-in attempt: the address typed (normalised, whether or not it has an account) and the client's IP.
/// <see cref="SignInThrottle"/> counts them; a success makes the client known to that account. Pruned after
/// <see cref="SignInThrottleOptions.KnownClientDays"/>.
/// </summary>
public sealed class SignInAttempt
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The email as Identity normalises it (upper case), so real and unknown addresses are counted alike.</summary>
    public required string Account { get; init; }
    public required string Client { get; init; }
    public bool Succeeded { get; init; }
    public DateTimeOffset At { get; init; }
}
