using System.Buffers.Binary;

namespace Pulse.Grains.Channels;

/// <summary>
/// The mention-id hashes a (brand, channel) grain saw between two saves, appended to its id journal at
/// <paramref name="SavedAt"/>. Stored as 8 bytes of UTC ticks followed by the hashes, little-endian.
/// </summary>
internal sealed record SeenIdsChunk(DateTimeOffset SavedAt, ulong[] Ids)
{
    public byte[] ToBytes()
    {
        var bytes = new byte[8 + (8 * Ids.Length)];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, SavedAt.UtcTicks);
        for (var i = 0; i < Ids.Length; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(8 + (8 * i)), Ids[i]);
        }

        return bytes;
    }

    /// <exception cref="FormatException">Not a chunk (shorter than its time, or a partial hash).</exception>
    public static SeenIdsChunk FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 8 || bytes.Length % 8 != 0)
        {
            throw new FormatException($"An id chunk of {bytes.Length} bytes is not 8 bytes of time plus 8 per id.");
        }

        var ids = new ulong[(bytes.Length / 8) - 1];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = BinaryPrimitives.ReadUInt64LittleEndian(bytes[(8 + (8 * i))..]);
        }

        return new SeenIdsChunk(new DateTimeOffset(BinaryPrimitives.ReadInt64LittleEndian(bytes), TimeSpan.Zero), ids);
    }
}
