using System.Buffers.Binary;
using System.Text;
using K4os.Compression.LZ4;
using Pulse.Analytics.Sentiment;
using Pulse.Analytics.TextSearch;

namespace Pulse.Silo.Archive.Batches;

/// <summary>
/// Reads a body <see cref="BatchBodyWriter"/> packed, one mention at a time. <see cref="MoveNext"/> decodes a mention's
/// tokens, time, sentiment and engagement, and notes where its strings are; they are decoded only when asked for, so a
/// search skips the text of every mention it does not return.
/// </summary>
internal sealed class BatchBodyReader
{
    private readonly byte[] _body;
    private readonly long _firstTicks;
    private readonly int _count;
    private int _offset;
    private int _read;
    private TermAt[] _tokens = new TermAt[64];
    private int _tokenCount;
    private readonly int[] _strings = new int[StringCount];

    private const int StringCount = 7;

    public BatchBodyReader(ReadOnlySpan<byte> packed, DateTime firstAt)
    {
        _body = LZ4Pickler.Unpickle(packed);
        _firstTicks = firstAt.Ticks;
        if (_body.Length == 0 || _body[0] != BatchBodyWriter.Version)
        {
            throw new InvalidDataException($"Archive batch body of unknown version {(_body.Length == 0 ? -1 : _body[0])}.");
        }

        _offset = 1;
        _count = checked((int)VarInt());
    }

    public int Count => _count;

    public ReadOnlySpan<TermAt> Tokens => _tokens.AsSpan(0, _tokenCount);

    public DateTime PublishedAt { get; private set; }

    public SentimentLabel Label { get; private set; }

    public float Sentiment { get; private set; }

    public long Likes { get; private set; }

    public long Shares { get; private set; }

    public long Comments { get; private set; }

    public long Reach { get; private set; }

    public long Engagement => Likes + Shares + Comments;

    public bool MoveNext()
    {
        if (_read == _count)
        {
            return false;
        }

        _read++;
        _tokenCount = checked((int)VarInt());
        if (_tokens.Length < _tokenCount)
        {
            _tokens = new TermAt[Math.Max(_tokenCount, _tokens.Length * 2)];
        }

        var position = 0;
        for (var i = 0; i < _tokenCount; i++)
        {
            position += checked((int)VarInt());
            _tokens[i] = new TermAt(position, checked((int)VarInt()));
        }

        PublishedAt = new DateTime(_firstTicks + (long)VarInt(), DateTimeKind.Utc);
        Label = (SentimentLabel)_body[_offset++];
        Sentiment = BinaryPrimitives.ReadSingleLittleEndian(_body.AsSpan(_offset, 4));
        _offset += 4;
        Likes = Signed();
        Shares = Signed();
        Comments = Signed();
        Reach = Signed();
        for (var i = 0; i < StringCount; i++)
        {
            _strings[i] = _offset;
            var length = (int)VarInt();
            _offset += Math.Max(0, length - 1);
        }

        return true;
    }

    public string Id => String(0)!;

    public string Channel => String(1)!;

    public string Lang => String(2)!;

    public string Text => String(3)!;

    public string? Author => String(4);

    public string? Url => String(5);

    public string? EngagementOf => String(6);

    /// <summary>Engagement on a post (a like, a repost) rather than a mention of its own.</summary>
    public bool IsEngagement
    {
        get
        {
            var offset = _strings[6];
            return VarIntAt(ref offset) != 0;
        }
    }

    /// <summary>Whether the mention's channel is <paramref name="channel"/>, without decoding it.</summary>
    public bool ChannelIs(string channel) => StringIs(1, channel);

    /// <summary>Whether the mention's language is <paramref name="lang"/>, without decoding it.</summary>
    public bool LangIs(string lang) => StringIs(2, lang);

    public ArchivedMention Materialize(string brandId) => new(
        Id, brandId, Channel, PublishedAt, Text, Author, Url, Lang, Sentiment, Label, Likes, Shares, Comments, Reach, EngagementOf);

    private string? String(int index)
    {
        var offset = _strings[index];
        var length = (int)VarIntAt(ref offset);
        return length == 0 ? null : Encoding.UTF8.GetString(_body, offset, length - 1);
    }

    private bool StringIs(int index, string value)
    {
        var offset = _strings[index];
        var length = (int)VarIntAt(ref offset);
        if (length == 0)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[256];
        return Encoding.UTF8.TryGetBytes(value, expected, out var written)
            ? written == length - 1 && _body.AsSpan(offset, written).SequenceEqual(expected[..written])
            : Encoding.UTF8.GetString(_body, offset, length - 1) == value;
    }

    private ulong VarInt() => VarIntAt(ref _offset);

    private ulong VarIntAt(ref int offset)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = _body[offset++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }

            if (shift > 56)
            {
                throw new InvalidDataException("Archive batch body holds a malformed number.");
            }
        }
    }

    private long Signed()
    {
        var raw = VarInt();
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }
}
