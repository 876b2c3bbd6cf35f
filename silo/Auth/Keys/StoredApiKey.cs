namespace Pulse.Silo.Auth.Keys;

/// <summary>An API key as stored: everything but its secret, of which only <see cref="Hash"/> (SHA-256, hex) is kept.</summary>
public sealed record StoredApiKey(string Id, string Name, PulseRole Role, string Hash, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt = null)
{
    /// <summary>The brands the key may see (its team); empty: every brand.</summary>
    public IReadOnlyList<string> Brands { get; init; } = [];

    /// <summary>Value equality, the team by its brands (a list compares by reference otherwise).</summary>
    public bool Equals(StoredApiKey? other) =>
        other is not null && Id == other.Id && Name == other.Name && Role == other.Role && Hash == other.Hash
        && CreatedAt == other.CreatedAt && LastUsedAt == other.LastUsedAt && Brands.SequenceEqual(other.Brands, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Id, Hash, LastUsedAt);
}
