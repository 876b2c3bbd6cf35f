using System.Buffers;
using System.Net.WebSockets;

namespace Pulse.Sources.Jetstream;

/// <summary>What one WebSocket message turned out to be.</summary>
internal enum FrameKind
{
    Text,

    /// <summary>A binary message: Jetstream sends these only for zstd, which this connector does not ask for.</summary>
    Binary,

    /// <summary>Longer than the limit; read to its end and discarded.</summary>
    Oversized,

    /// <summary>The server sent a close frame.</summary>
    Closed,
}

/// <summary>
/// Assembles WebSocket messages into one pooled buffer that grows only as far as the frame limit. A message over the
/// limit is drained through the same buffer and dropped, so a hostile or broken server cannot make one source hold
/// more than the limit, and the stream carries on with the next message.
/// </summary>
internal sealed class FrameReader(WebSocket socket, int maxFrameBytes) : IDisposable
{
    private const int InitialBytes = 16 * 1024;

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(InitialBytes);
    private int _length;

    /// <summary>The last message's bytes; valid until the next <see cref="ReadAsync"/>.</summary>
    public ReadOnlySpan<byte> Frame => _buffer.AsSpan(0, _length);

    public async ValueTask<FrameKind> ReadAsync(CancellationToken cancellationToken)
    {
        _length = 0;
        while (true)
        {
            if (_length == _buffer.Length)
            {
                Grow();
            }

            var result = await socket.ReceiveAsync(_buffer.AsMemory(_length), cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return FrameKind.Closed;
            }

            _length += result.Count;
            if (_length > maxFrameBytes)
            {
                return await DrainAsync(result.EndOfMessage, cancellationToken).ConfigureAwait(false);
            }

            if (result.EndOfMessage)
            {
                return result.MessageType == WebSocketMessageType.Binary ? FrameKind.Binary : FrameKind.Text;
            }
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private async ValueTask<FrameKind> DrainAsync(bool endOfMessage, CancellationToken cancellationToken)
    {
        while (!endOfMessage)
        {
            var result = await socket.ReceiveAsync(_buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return FrameKind.Closed;
            }

            endOfMessage = result.EndOfMessage;
        }

        // Give the big buffer back: one oversized frame should not pin a megabyte for the connection's life.
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = ArrayPool<byte>.Shared.Rent(InitialBytes);
        _length = 0;
        return FrameKind.Oversized;
    }

    private void Grow()
    {
        // One byte past the limit is enough to know a frame is over it.
        var size = (int)Math.Min((long)_buffer.Length * 2, (long)maxFrameBytes + 1);
        if (size <= _buffer.Length)
        {
            size = _buffer.Length + 1;
        }

        var bigger = ArrayPool<byte>.Shared.Rent(size);
        _buffer.AsSpan(0, _length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }
}
