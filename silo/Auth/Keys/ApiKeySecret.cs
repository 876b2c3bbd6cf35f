using System.Security.Cryptography;
using System.Text;

namespace Pulse.Silo.Auth.Keys;

/// <summary>
/// API key secrets: <see cref="Prefix"/> and 256 random bits in base64url. The prefix lets people and secret scanners
/// recognise a leaked key; only the SHA-256 of a secret is kept (a fast hash suffices: the secret is random, not a
/// password, so there is nothing to guess from the hash).
/// </summary>
public static class ApiKeySecret
{
    public const string Prefix = "pulse_";

    public static string New() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>Lower-case hex SHA-256 of the secret's UTF-8 bytes: the key's lookup handle in every store.</summary>
    public static string Hash(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
    }

    /// <summary>A short public id for URLs and logs (<c>DELETE /api/keys/{id}</c>), unrelated to the secret.</summary>
    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
