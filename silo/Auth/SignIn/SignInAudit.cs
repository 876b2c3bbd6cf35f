using System.Net;

namespace Pulse.Silo.Auth.SignIn;

/// <summary>Who signed in, and refused sign-ins, in the log until the audit log (docs/auth-plan.md step 5) takes these calls over.</summary>
public sealed partial class SignInAudit(ILogger<SignInAudit> logger)
{
    public void SignedIn(string name, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        LogSignedIn(name, context.Connection.RemoteIpAddress);
    }

    public void SignedOut(string? name, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        LogSignedOut(name, context.Connection.RemoteIpAddress);
    }

    public void Refused(string? name, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        LogRefused(name, context.Connection.RemoteIpAddress);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "'{Name}' signed in from {Client}.")]
    private partial void LogSignedIn(string name, IPAddress? client);

    [LoggerMessage(Level = LogLevel.Information, Message = "'{Name}' signed out from {Client}.")]
    private partial void LogSignedOut(string? name, IPAddress? client);

    // Information, not Debug: failed sign-ins are what an operator looks for after an incident; the per-IP rate limit
    // bounds how many lines a guesser can cause.
    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a sign-in as '{Name}' from {Client}.")]
    private partial void LogRefused(string? name, IPAddress? client);
}
