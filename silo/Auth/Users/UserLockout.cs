namespace Pulse.Silo.Auth.Users;

/// <summary>
/// When a name stops accepting passwords. Five consecutive failures allow for typos and a caps-lock slip but leave an
/// online guesser at 5 tries per 15 minutes, about 480 a day per account (NIST SP 800-63B 5.2.2 asks for at most 100
/// consecutive failures; the per-IP sign-in rate limit bounds spraying across accounts). Fifteen minutes is short
/// enough that a locked-out responder in an incident is back before it becomes an outage of its own, and no admin has
/// to unlock anyone. The count lives in the user store, so it holds across every host of a cluster.
/// </summary>
public static class UserLockout
{
    public const int MaxFailures = 5;

    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(15);
}
