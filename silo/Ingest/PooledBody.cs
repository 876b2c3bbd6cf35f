using System.Buffers;

namespace Pulse.Silo.Ingest;

/// <summary>A request body copied into a rented array; returns the array on dispose.</summary>
internal sealed class PooledBody : IDisposable
{
    private byte[]? _buffer;
    private readonly int _length;

    public PooledBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    public ReadOnlySpan<byte> Span => (_buffer ?? throw new ObjectDisposedException(nameof(PooledBody))).AsSpan(0, _length);

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, null);
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
