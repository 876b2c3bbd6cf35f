using System.Security.Claims;

namespace Pulse.Silo.Auth.Users;

/// <summary>Who created or deleted which account, in the log until the audit log (docs/auth-plan.md step 5) exists.</summary>
public sealed partial class UserAudit(ILogger<UserAudit> logger)
{
    public void Created(PulseUser user, string by)
    {
        ArgumentNullException.ThrowIfNull(user);
        LogCreated(user.Name, user.Role, by);
    }

    public void Created(PulseUser user, ClaimsPrincipal by)
    {
        ArgumentNullException.ThrowIfNull(by);
        Created(user, by.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown");
    }

    public void Deleted(string name, ClaimsPrincipal by)
    {
        ArgumentNullException.ThrowIfNull(by);
        var who = by.FindFirstValue(ClaimTypes.NameIdentifier);
        LogDeleted(name, who);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User '{Name}' ({Role}) created by {By}.")]
    private partial void LogCreated(string name, PulseRole role, string by);

    [LoggerMessage(Level = LogLevel.Information, Message = "User '{Name}' deleted by {By}.")]
    private partial void LogDeleted(string name, string? by);
}
