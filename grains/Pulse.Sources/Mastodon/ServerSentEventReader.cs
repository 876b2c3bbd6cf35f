using System.Buffers;
using System.Text;

namespace Pulse.Sources.Mastodon;

/// <summary>
/// Reads a <c>text/event-stream</c> body event by event, with bounded memory: a line or event larger than the limit is
/// read to its end without being kept and comes out as <see cref="ServerSentEvent.Oversized"/>. Lines end in LF, CRLF
/// or CR; lines starting with ':' are comments (Mastodon's heartbeats); a blank line ends an event. A stream that sends
/// nothing at all, not even a heartbeat, for the idle timeout is treated as dead (<see cref="TimeoutException"/>).
/// </summary>
internal sealed class ServerSentEventReader : IDisposable
{
    private readonly Stream _stream;
    private readonly int _maxEventBytes;
    private readonly TimeSpan _idleTimeout;
    private readonly CancellationToken _cancellationToken;
    private readonly CancellationTokenSource _idle;
    private readonly CancellationTokenSource _readCancel;
    private readonly byte[] _buffer = new byte[16 * 1024];
    private readonly ArrayBufferWriter<byte> _line = new(256);
    private readonly ArrayBufferWriter<byte> _data = new(1024);
    private int _start;
    private int _end;
    private bool _skipLineFeed;

    public ServerSentEventReader(Stream stream, int maxEventBytes, TimeSpan idleTimeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        _stream = stream;
        _maxEventBytes = maxEventBytes;
        _idleTimeout = idleTimeout;
        _cancellationToken = cancellationToken;
        _idle = new CancellationTokenSource(Timeout.InfiniteTimeSpan, clock);
        _readCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _idle.Token);
    }

    /// <summary>The next event; null when the server ended the stream (an unfinished event at the end is dropped).</summary>
    public async ValueTask<ServerSentEvent?> ReadAsync()
    {
        string? type = null;
        var hasData = false;
        var oversized = false;
        _data.ResetWrittenCount();
        while (true)
        {
            var line = await ReadLineAsync();
            if (line == LineKind.End)
            {
                return null;
            }

            if (line == LineKind.TooLong)
            {
                oversized = true;
                continue;
            }

            var span = _line.WrittenSpan;
            if (span.IsEmpty)
            {
                if (type is null && !hasData && !oversized)
                {
                    continue; // the blank line after a heartbeat comment
                }

                return oversized
                    ? new ServerSentEvent(type ?? "message", string.Empty, Oversized: true)
                    : new ServerSentEvent(type ?? "message", Encoding.UTF8.GetString(_data.WrittenSpan));
            }

            if (span[0] == (byte)':')
            {
                continue;
            }

            var colon = span.IndexOf((byte)':');
            var field = colon < 0 ? span : span[..colon];
            var value = colon < 0 ? [] : span[(colon + 1)..];
            if (value.Length > 0 && value[0] == (byte)' ')
            {
                value = value[1..];
            }

            if (field.SequenceEqual("event"u8))
            {
                type = Encoding.UTF8.GetString(value);
            }
            else if (field.SequenceEqual("data"u8) && !oversized)
            {
                if (_data.WrittenCount + value.Length + 1 > _maxEventBytes)
                {
                    oversized = true;
                    continue;
                }

                if (hasData)
                {
                    _data.Write("\n"u8);
                }

                _data.Write(value);
                hasData = true;
            }

            // id: and retry: mean nothing here: Mastodon's streams cannot be resumed (the REST back-fill does that).
        }
    }

    public void Dispose()
    {
        _readCancel.Dispose();
        _idle.Dispose();
    }

    private async ValueTask<LineKind> ReadLineAsync()
    {
        _line.ResetWrittenCount();
        var tooLong = false;
        while (true)
        {
            if (_start == _end && !await FillAsync())
            {
                return LineKind.End;
            }

            if (_skipLineFeed)
            {
                _skipLineFeed = false;
                if (_buffer[_start] == (byte)'\n')
                {
                    _start++;
                    continue;
                }
            }

            var span = _buffer.AsSpan(_start, _end - _start);
            var end = span.IndexOfAny((byte)'\n', (byte)'\r');
            var chunk = end < 0 ? span : span[..end];
            if (!tooLong)
            {
                if (_line.WrittenCount + chunk.Length > _maxEventBytes)
                {
                    tooLong = true; // the rest of this line is read and dropped
                }
                else
                {
                    _line.Write(chunk);
                }
            }

            if (end < 0)
            {
                _start = _end;
                continue;
            }

            _skipLineFeed = span[end] == (byte)'\r';
            _start += end + 1;
            return tooLong ? LineKind.TooLong : LineKind.Line;
        }
    }

    private async ValueTask<bool> FillAsync()
    {
        _idle.CancelAfter(_idleTimeout);
        int read;
        try
        {
            read = await _stream.ReadAsync(_buffer, _readCancel.Token);
        }
        catch (OperationCanceledException) when (_idle.IsCancellationRequested && !_cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The stream sent nothing for {_idleTimeout.TotalSeconds:0} s.");
        }

        _start = 0;
        _end = read;
        return read > 0;
    }

    private enum LineKind
    {
        Line,
        TooLong,
        End,
    }
}
