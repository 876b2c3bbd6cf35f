namespace Pulse.Silo.Auth.Users;

/// <summary>What a recorded failed sign-in left behind: the consecutive count, or a lockout (the count is reset then).</summary>
public sealed record SignInFailure(int Failures, DateTimeOffset? LockedUntil);
