using System.Buffers;
using System.Text;

namespace Pulse.Load;

/// <summary>
/// One request body being built from pooled mentions: NDJSON for <c>POST /api/mentions</c>, or a JSON array for an
/// ingest-log entry. Reused batch after batch; each mention costs a few copies.
/// </summary>
internal sealed class LoadBatch(bool jsonArray)
{
    private static ReadOnlySpan<byte> IdStart => "{\"id\":\""u8;
    private static ReadOnlySpan<byte> TimestampStart => "\",\"timestamp\":\""u8;

    private readonly ArrayBufferWriter<byte> _buffer = new(256 * 1024);
    private byte[] _timestamp = [];

    public int Count { get; private set; }

    /// <summary>Closes the batch and returns its body, valid until the next <see cref="Begin"/>.</summary>
    public ReadOnlyMemory<byte> Complete()
    {
        if (jsonArray)
        {
            _buffer.Write(Count == 0 ? "[]"u8 : "]"u8);
        }

        return _buffer.WrittenMemory;
    }

    /// <summary>Starts an empty batch whose mentions all carry <paramref name="timestamp"/> (ISO 8601, UTC).</summary>
    public void Begin(DateTimeOffset timestamp)
    {
        _buffer.ResetWrittenCount();
        _timestamp = Encoding.UTF8.GetBytes(timestamp.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        Count = 0;
    }

    /// <summary>Appends <c>{"id":ID,"url":…/ID,"timestamp":…,</c> then the mention's pre-rendered rest. Ids are ASCII.</summary>
    public void Add(ReadOnlySpan<char> id, PooledMention mention)
    {
        if (Count > 0)
        {
            _buffer.Write(jsonArray ? ","u8 : "\n"u8);
        }
        else if (jsonArray)
        {
            _buffer.Write("["u8);
        }

        _buffer.Write(IdStart);
        WriteAscii(id);
        _buffer.Write("\","u8);
        _buffer.Write(mention.UrlPrefix);
        WriteAscii(id);
        _buffer.Write(TimestampStart);
        _buffer.Write(_timestamp);
        _buffer.Write("\","u8);
        _buffer.Write(mention.Tail);
        Count++;
    }

    private void WriteAscii(ReadOnlySpan<char> text)
    {
        var span = _buffer.GetSpan(text.Length);
        var written = Encoding.ASCII.GetBytes(text, span);
        _buffer.Advance(written);
    }
}
