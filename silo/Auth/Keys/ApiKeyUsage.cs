namespace Pulse.Silo.Auth.Keys;

/// <summary>
/// When a use is worth writing down: at most once a minute per key, so a collector posting many times a second does
/// not turn every request into a store write, and "last used" stays accurate to the minute.
/// </summary>
public static class ApiKeyUsage
{
    public static readonly TimeSpan Resolution = TimeSpan.FromMinutes(1);

    public static bool ShouldRecord(StoredApiKey key, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.LastUsedAt is not { } last || now - last >= Resolution;
    }
}
