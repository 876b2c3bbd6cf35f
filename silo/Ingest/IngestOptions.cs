namespace Pulse.Silo.Ingest;

/// <summary>Limits and vocabulary of <c>POST /api/mentions</c>, bound from <c>Pulse:Ingest</c>.</summary>
public sealed class IngestOptions
{
    public const string SectionName = "Pulse:Ingest";

    /// <summary>Most items (array elements or non-blank NDJSON lines) one request may carry.</summary>
    public int MaxBatchItems { get; set; } = 10_000;

    /// <summary>Largest request body in bytes; enforced while reading, not only from Content-Length.</summary>
    public int MaxBodyBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Longest accepted mention text, in UTF-16 code units.</summary>
    public int MaxTextLength { get; set; } = 10_000;

    /// <summary>How far in the future a timestamp may lie (clock skew of the sources).</summary>
    public TimeSpan MaxFutureSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Known channels; matched case-insensitively and normalised to lower case. In a host this is
    /// <c>Pulse:Channels</c> (see <see cref="Pulse.Grains.ChannelOptions"/>), not configured here.
    /// </summary>
    public IList<string> Channels { get; set; } = [.. Pulse.Grains.ChannelOptions.Defaults];
}
