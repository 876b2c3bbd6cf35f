using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Pulse.Sources.Rss;

/// <summary>
/// Stable 64-bit hashes of ids and feed URLs. They go into cursors that outlive the process, so string.GetHashCode
/// (randomised per process) will not do. SHA-256 is more than needed, but it is in the box and a feed has few items.
/// </summary>
internal static class IdHash
{
    public static ulong Of(string value)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(value), digest);
        return BinaryPrimitives.ReadUInt64LittleEndian(digest);
    }

    /// <summary>16 lowercase hex digits of <see cref="Of"/>.</summary>
    public static string Hex(string value) => Of(value).ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
}
