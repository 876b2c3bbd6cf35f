namespace Pulse.Silo.Auth.Keys;

/// <summary>
/// <c>POST /api/keys</c>: a name people recognise ("grafana", "collector-eu"), a role by its name, and the brands it may
/// see (empty or absent: every brand).
/// </summary>
public sealed record ApiKeyRequest(string? Name, string? Role, IReadOnlyList<string?>? Brands = null);

/// <summary>A key as listed: never its secret.</summary>
public sealed record ApiKeyView(string Id, string Name, string Role, IReadOnlyList<string> Brands, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt)
{
    public static ApiKeyView Of(StoredApiKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new ApiKeyView(key.Id, key.Name, PulseRoleNames.Of(key.Role), key.Brands, key.CreatedAt, key.LastUsedAt);
    }
}

/// <summary>The answer to creating a key: the only time <see cref="Key"/>, the secret, is shown.</summary>
public sealed record CreatedApiKey(string Id, string Name, string Role, IReadOnlyList<string> Brands, DateTimeOffset CreatedAt, string Key);
