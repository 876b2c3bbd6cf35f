using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Pulse.Silo.Auth.Keys;

/// <summary>
/// <see cref="PulseAuthOptions.AdminKey"/>, held only as its hash and matched in constant time. It is not in the store:
/// configuration owns it, so removing or rotating it there takes effect at the next start with nothing left behind.
/// </summary>
internal sealed class BootstrapAdminKey(IOptions<PulseAuthOptions> options)
{
    public const string Id = "bootstrap";
    public const string Name = "bootstrap admin (Pulse:Auth:AdminKey)";

    private readonly byte[]? _hash = string.IsNullOrEmpty(options.Value.AdminKey) ? null : Encoding.ASCII.GetBytes(ApiKeySecret.Hash(options.Value.AdminKey));

    public bool IsConfigured => _hash is not null;

    public bool Matches(string hash) => _hash is not null && CryptographicOperations.FixedTimeEquals(_hash, Encoding.ASCII.GetBytes(hash));
}
