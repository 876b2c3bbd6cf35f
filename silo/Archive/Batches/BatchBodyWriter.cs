using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using K4os.Compression.LZ4;
using Pulse.Analytics.TextSearch;
using Pulse.Grains.Mentions;

namespace Pulse.Silo.Archive.Batches;

/// <summary>
/// Packs a batch's mentions into one LZ4 block (<see cref="BatchBodyReader"/> reads it back). Per mention, in this
/// order: its search tokens (position delta and term index into the batch's term array, so a search checks a mention
/// before decoding any text), its time as ticks after the batch's first, sentiment, engagement, then its strings.
/// Numbers are LEB128 varints; a string is its UTF-8 length + 1 (0 for null) and its bytes.
/// </summary>
internal sealed class BatchBodyWriter
{
    public const byte Version = 1;

    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);

    public void Begin(int count)
    {
        _buffer.ResetWrittenCount();
        Byte(Version);
        VarInt((ulong)count);
    }

    public void Add(ScoredMention scored, ReadOnlySpan<TermAt> tokens, long firstTicks)
    {
        var mention = scored.Mention;
        VarInt((ulong)tokens.Length);
        var position = 0;
        foreach (var token in tokens)
        {
            VarInt((ulong)(token.Position - position));
            VarInt((ulong)token.Term);
            position = token.Position;
        }

        VarInt((ulong)(mention.Timestamp.UtcTicks - firstTicks));
        Byte((byte)scored.Label);
        var sentiment = _buffer.GetSpan(4);
        BinaryPrimitives.WriteSingleLittleEndian(sentiment, scored.Sentiment);
        _buffer.Advance(4);
        Signed(mention.Likes);
        Signed(mention.Shares);
        Signed(mention.Comments);
        Signed(mention.Reach);
        Text(mention.Id);
        Text(mention.Channel);
        Text(scored.Language);
        Text(mention.Text);
        Text(mention.Author);
        Text(mention.Url);
        Text(mention.EngagementOf);
    }

    /// <summary>The packed body: LZ4's fast mode, as the archive writes on the cores ingest also needs.</summary>
    public byte[] Complete() => LZ4Pickler.Pickle(_buffer.WrittenSpan, LZ4Level.L00_FAST);

    private void Byte(byte value)
    {
        _buffer.GetSpan(1)[0] = value;
        _buffer.Advance(1);
    }

    private void VarInt(ulong value)
    {
        var span = _buffer.GetSpan(10);
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        _buffer.Advance(i);
    }

    /// <summary>Zig-zag, so a negative count (hostile input the archive still keeps) stays short.</summary>
    private void Signed(long value) => VarInt((ulong)((value << 1) ^ (value >> 63)));

    private void Text(string? value)
    {
        if (value is null)
        {
            VarInt(0);
            return;
        }

        // UTF-8 encoding turns a lone surrogate (untrusted text) into U+FFFD; a bytea holds NUL as it is.
        var length = Encoding.UTF8.GetByteCount(value);
        VarInt((ulong)length + 1);
        var written = Encoding.UTF8.GetBytes(value, _buffer.GetSpan(length));
        _buffer.Advance(written);
    }
}
