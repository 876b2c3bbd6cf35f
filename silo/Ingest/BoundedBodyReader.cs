using System.Buffers;
using System.IO.Pipelines;

namespace Pulse.Silo.Ingest;

/// <summary>
/// Copies a request body into one pooled array, stopping as soon as it exceeds a byte limit:
/// Content-Length may be absent (chunked) or wrong, so the limit is enforced on the bytes received.
/// </summary>
/// <remarks>
/// Data is consumed from the pipe as it arrives rather than left buffered there: Kestrel counts
/// every re-presented byte of an unconsumed chunked body towards its own size limit.
/// </remarks>
internal static class BoundedBodyReader
{
    private const int InitialCapacity = 16 * 1024;

    /// <returns>The body, or null when it is longer than <paramref name="maxBytes"/>.</returns>
    public static async Task<PooledBody?> ReadAsync(PipeReader reader, long? contentLength, int maxBytes, CancellationToken cancellationToken)
    {
        int capacity = contentLength is { } announced and >= 0 ? (int)Math.Min(announced, maxBytes) : Math.Min(InitialCapacity, maxBytes);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 1));
        int length = 0;
        try
        {
            while (true)
            {
                var read = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                foreach (var segment in read.Buffer)
                {
                    if (segment.Length > maxBytes - length)
                    {
                        reader.AdvanceTo(read.Buffer.End);
                        ArrayPool<byte>.Shared.Return(buffer);
                        return null;
                    }

                    if (segment.Length > buffer.Length - length)
                    {
                        buffer = Grow(buffer, length, length + segment.Length, maxBytes);
                    }

                    segment.Span.CopyTo(buffer.AsSpan(length));
                    length += segment.Length;
                }

                reader.AdvanceTo(read.Buffer.End);
                if (read.IsCompleted)
                {
                    return new PooledBody(buffer, length);
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    private static byte[] Grow(byte[] buffer, int length, int needed, int maxBytes)
    {
        var grown = ArrayPool<byte>.Shared.Rent(Math.Max(needed, (int)Math.Min(2L * buffer.Length, maxBytes)));
        buffer.AsSpan(0, length).CopyTo(grown);
        ArrayPool<byte>.Shared.Return(buffer);
        return grown;
    }
}
