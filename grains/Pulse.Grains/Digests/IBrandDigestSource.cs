namespace Pulse.Grains.Digests;

/// <summary>
/// Where digests come from: the brand report over the PostgreSQL archive when it is on (the silo registers it),
/// nothing by default. Without an archive there is no digest, and none is scheduled.
/// </summary>
public interface IBrandDigestSource
{
    bool Available { get; }

    /// <summary>The brand's digest for <paramref name="period"/>; throws when the archive cannot be read.</summary>
    Task<BrandDigest> BuildAsync(string brandId, DigestPeriod period, CancellationToken cancellationToken);
}

/// <summary>No archive: no digest.</summary>
internal sealed class NoBrandDigestSource : IBrandDigestSource
{
    public bool Available => false;

    public Task<BrandDigest> BuildAsync(string brandId, DigestPeriod period, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("Digests need the archive (--postgres).");
}
