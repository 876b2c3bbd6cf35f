namespace Pulse.Silo.Tests.Auth.SignIn;

/// <summary>A clock the test moves: lockouts and token expiries without waiting 15 minutes.</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
