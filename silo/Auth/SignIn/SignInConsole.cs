namespace Pulse.Silo.Auth.SignIn;

/// <summary>
/// Where the first start's sign-in link is printed: the console, not the log, so the link does not travel to log
/// storage with its admin token (tests put a writer of their own here).
/// </summary>
public sealed class SignInConsole(TextWriter output)
{
    public SignInConsole()
        : this(Console.Out)
    {
    }

    public TextWriter Out { get; } = output;
}
