using System.Security.Claims;

namespace Pulse.Silo.Auth.Keys;

/// <summary>
/// Who created or revoked which key. The log is the record until the audit log (<c>GET /api/audit</c>) exists, which will
/// take these calls over.
/// </summary>
public sealed partial class ApiKeyAudit(ILogger<ApiKeyAudit> logger)
{
    public void Created(StoredApiKey key, ClaimsPrincipal by)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(by);
        var who = by.FindFirstValue(ClaimTypes.NameIdentifier);
        LogCreated(key.Id, key.Name, key.Role, key.Brands.Count == 0 ? "every brand" : string.Join(", ", key.Brands), who);
    }

    public void Revoked(string id, ClaimsPrincipal by)
    {
        ArgumentNullException.ThrowIfNull(by);
        var who = by.FindFirstValue(ClaimTypes.NameIdentifier);
        LogRevoked(id, who);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "API key {Id} '{Name}' ({Role}, brands: {Brands}) created by {By}.")]
    private partial void LogCreated(string id, string name, PulseRole role, string brands, string? by);

    [LoggerMessage(Level = LogLevel.Information, Message = "API key {Id} revoked by {By}.")]
    private partial void LogRevoked(string id, string? by);
}
