namespace Pulse.Silo.Auth.Keys;

/// <summary><c>POST /api/keys</c>: a name people recognise ("grafana", "collector-eu") and a role by its name.</summary>
public sealed record ApiKeyRequest(string? Name, string? Role);

/// <summary>A key as listed: never its secret.</summary>
public sealed record ApiKeyView(string Id, string Name, string Role, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt)
{
    public static ApiKeyView Of(StoredApiKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new ApiKeyView(key.Id, key.Name, PulseRoleNames.Of(key.Role), key.CreatedAt, key.LastUsedAt);
    }
}

/// <summary>The answer to creating a key: the only time <see cref="Key"/>, the secret, is shown.</summary>
public sealed record CreatedApiKey(string Id, string Name, string Role, DateTimeOffset CreatedAt, string Key);
