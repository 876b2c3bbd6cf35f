namespace Pulse.Grains.Mentions;

/// <summary>
/// The ingest log could not store a batch (in cluster mode: Redis is unreachable). Nothing of the batch may be
/// reported as accepted; some partitions may have stored their share, which a retry de-duplicates.
/// </summary>
public sealed class IngestUnavailableException : Exception
{
    public IngestUnavailableException()
    {
    }

    public IngestUnavailableException(string message)
        : base(message)
    {
    }

    public IngestUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
