namespace Pulse.Silo.Auth.Users;

/// <summary>The outcome of checking a name and password.</summary>
public abstract record SignInCheck
{
    private SignInCheck()
    {
    }

    public sealed record Succeeded(PulseUser User) : SignInCheck;

    /// <summary>Unknown name or wrong password: callers answer both alike.</summary>
    public sealed record Failed : SignInCheck;

    /// <summary>Too many failures: refused until <see cref="Until"/>, whatever the password.</summary>
    public sealed record LockedOut(DateTimeOffset Until) : SignInCheck;
}
