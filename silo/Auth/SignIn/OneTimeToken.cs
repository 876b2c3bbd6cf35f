using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Pulse.Silo.Auth.SignIn;

/// <summary>
/// The first start's sign-in token: 256 random bits in base64url (nothing to guess), kept only as its SHA-256, so a
/// copy of the store (a Redis dump) holds nothing that signs anyone in. Valid for <see cref="Lifetime"/>, once.
/// </summary>
public static class OneTimeToken
{
    /// <summary>Time to read the console and open the link; short, since it signs in as admin.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }
}
