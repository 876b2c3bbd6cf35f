using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;
using Pulse.Analytics.Sentiment;
using Pulse.Analytics.Windows;
using Pulse.Grains.Mentions;

namespace Pulse.Grains.Channels;

/// <summary>
/// A recorded mention as the live feed and the top posts keep it: everything of its <see cref="ScoredMention"/> in one
/// byte array (strings as UTF-8, counts as varints), turned back into a <see cref="MentionView"/> or
/// <see cref="ScoredMention"/> only when read or checkpointed. A 150-character post costs ≈ 290 bytes this way instead of
/// ≈ 770 as two records and six strings, and the feed and the top list share the one array.
/// </summary>
/// <remarks>
/// Exact: every field comes back equal, the offset of the timestamp and the sentiment's bits included. A string that is
/// not valid UTF-16 (a lone surrogate: the text is untrusted) is kept as UTF-16 code units instead, so it too comes back as
/// it was. Layout: UTC ticks (8 bytes), offset minutes (2), sentiment (4), label (1), then likes, shares, comments and
/// reach as zigzag varints, then id, channel, text, author, lang, url, brand, brand id and language, each with a varint
/// header of (byte length &lt;&lt; 2) | kind (0 null, 1 UTF-8, 2 UTF-16).
/// </remarks>
internal readonly struct FeedEntry
{
    private const int Fixed = 15;
    private const int MaximumVarint = 10;
    // Where entries are written before they are copied out at their exact size: one per thread, not zeroed per call as a
    // stackalloc would be. Texts beyond it (rare) rent a larger one.
    private const int ScratchLength = 2048;

    [ThreadStatic]
    private static byte[]? t_scratch;
    private const int Null = 0;
    private const int Utf8Kind = 1;
    private const int Utf16Kind = 2;

    private readonly byte[] _bytes;

    private FeedEntry(byte[] bytes) => _bytes = bytes;

    /// <summary>The encoded entry, for holders that keep entries and not-yet-encoded mentions side by side.</summary>
    internal byte[] Bytes => _bytes;

    /// <summary>The entry whose <see cref="Bytes"/> these are.</summary>
    internal static FeedEntry Of(byte[] bytes) => new(bytes);

    /// <summary>The bytes held, for memory tests.</summary>
    public int Size => _bytes.Length;

    /// <summary>The timestamp's UTC ticks alone: what expiry compares, without building a <see cref="DateTimeOffset"/>.</summary>
    public long UtcTicks => BinaryPrimitives.ReadInt64LittleEndian(_bytes);

    public DateTimeOffset Timestamp => new DateTimeOffset(BinaryPrimitives.ReadInt64LittleEndian(_bytes), TimeSpan.Zero)
        .ToOffset(TimeSpan.FromMinutes(BinaryPrimitives.ReadInt16LittleEndian(_bytes.AsSpan(8))));

    /// <summary>Likes + shares + comments: what ranks the top posts.</summary>
    public long Engagement
    {
        get
        {
            var reader = new Reader(_bytes);
            return Saturating.Add(reader.Varint(), reader.Varint(), reader.Varint());
        }
    }

    public static FeedEntry From(ScoredMention scored)
    {
        ArgumentNullException.ThrowIfNull(scored);
        var m = scored.Mention;
        var bound = Fixed + (4 * MaximumVarint) + Bound(m.Id) + Bound(m.Channel) + Bound(m.Text) + Bound(m.Author)
            + Bound(m.Lang) + Bound(m.Url) + Bound(m.Brand) + Bound(scored.BrandId) + Bound(scored.Language);
        byte[]? rented = null;
        Span<byte> buffer = bound <= ScratchLength ? (t_scratch ??= new byte[ScratchLength]) : (rented = ArrayPool<byte>.Shared.Rent(bound));
        try
        {
            BinaryPrimitives.WriteInt64LittleEndian(buffer, m.Timestamp.UtcTicks);
            BinaryPrimitives.WriteInt16LittleEndian(buffer[8..], (short)m.Timestamp.TotalOffsetMinutes);
            BinaryPrimitives.WriteSingleLittleEndian(buffer[10..], scored.Sentiment);
            buffer[14] = (byte)scored.Label;
            var at = Fixed;
            at += WriteVarint(buffer[at..], Zigzag(m.Likes));
            at += WriteVarint(buffer[at..], Zigzag(m.Shares));
            at += WriteVarint(buffer[at..], Zigzag(m.Comments));
            at += WriteVarint(buffer[at..], Zigzag(m.Reach));
            at += WriteString(buffer[at..], m.Id);
            at += WriteString(buffer[at..], m.Channel);
            at += WriteString(buffer[at..], m.Text);
            at += WriteString(buffer[at..], m.Author);
            at += WriteString(buffer[at..], m.Lang);
            at += WriteString(buffer[at..], m.Url);
            at += WriteString(buffer[at..], m.Brand);
            at += WriteString(buffer[at..], scored.BrandId);
            at += WriteString(buffer[at..], scored.Language);
            return new FeedEntry(buffer[..at].ToArray());
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    public ScoredMention ToScored()
    {
        var reader = new Reader(_bytes);
        var (likes, shares, comments, reach) = (reader.Varint(), reader.Varint(), reader.Varint(), reader.Varint());
        var id = reader.String()!;
        var channel = reader.String()!;
        var text = reader.String()!;
        var author = reader.String();
        var lang = reader.String();
        var url = reader.String();
        var brand = reader.String();
        var brandId = reader.String()!;
        var language = reader.String()!;
        var mention = new Mention(id, channel, text, Timestamp, author, lang, url, likes, shares, comments, reach, brand);
        return new ScoredMention(mention, brandId, Sentiment, Label, language);
    }

    public MentionView ToView()
    {
        var reader = new Reader(_bytes);
        var (likes, shares, comments, reach) = (reader.Varint(), reader.Varint(), reader.Varint(), reader.Varint());
        var id = reader.String()!;
        var channel = reader.String()!;
        var text = reader.String()!;
        var author = reader.String();
        reader.Skip(); // the mention's own lang: views show the scorer's language
        var url = reader.String();
        reader.Skip(); // the brand the source named, if any: views show the matched one
        var brandId = reader.String()!;
        var language = reader.String()!;
        return new MentionView(id, brandId, channel, text, author, url, Timestamp, language, Sentiment,
            MentionView.LabelName(Label), likes, shares, comments, reach);
    }

    private float Sentiment => BinaryPrimitives.ReadSingleLittleEndian(_bytes.AsSpan(10));

    private SentimentLabel Label => (SentimentLabel)_bytes[14];

    private static int Bound(string? s) => MaximumVarint + ((s?.Length ?? 0) * 3);

    private static ulong Zigzag(long value) => (ulong)((value << 1) ^ (value >> 63));

    private static int WriteVarint(Span<byte> destination, ulong value)
    {
        var i = 0;
        while (value >= 0x80)
        {
            destination[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[i++] = (byte)value;
        return i;
    }

    // The bytes go after room for the longest header, then move up to sit right after the real one.
    private static int WriteString(Span<byte> destination, string? s)
    {
        if (s is null)
        {
            return WriteVarint(destination, Null);
        }

        var body = destination[MaximumVarint..];
        int length;
        int kind;
        if (Utf8.FromUtf16(s, body, out _, out length, replaceInvalidSequences: false) == OperationStatus.Done)
        {
            kind = Utf8Kind;
        }
        else
        {
            var units = MemoryMarshal.AsBytes(s.AsSpan());
            units.CopyTo(body);
            length = units.Length;
            kind = Utf16Kind;
        }

        var header = ((ulong)length << 2) | (uint)kind;
        var headerLength = WriteVarint(destination, header);
        body[..length].CopyTo(destination[headerLength..]);
        return headerLength + length;
    }

    /// <summary>Reads the variable part in order; a ref struct over the array, so reading allocates only the strings.</summary>
    private ref struct Reader(byte[] bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _at = Fixed;

        public long Varint()
        {
            var zigzag = Unsigned();
            return (long)(zigzag >> 1) ^ -(long)(zigzag & 1);
        }

        public string? String()
        {
            var header = Unsigned();
            var length = (int)(header >> 2);
            var body = _bytes.Slice(_at, length);
            _at += length;
            return (header & 3) switch
            {
                Null => null,
                Utf8Kind => Encoding.UTF8.GetString(body),
                _ => new string(MemoryMarshal.Cast<byte, char>(body)),
            };
        }

        public void Skip()
        {
            var length = (int)(Unsigned() >> 2); // read first: `_at += Unsigned()` would add to _at as it was before the header
            _at += length;
        }

        private ulong Unsigned()
        {
            ulong value = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = _bytes[_at++];
                value |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return value;
                }
            }
        }
    }
}
