namespace Pulse.Load;

/// <summary>Where the run reads how many of its mentions Pulse has processed (counted in the grains' windows).</summary>
internal interface IProcessedReader
{
    /// <summary>What is read, for the report.</summary>
    string Source { get; }

    /// <summary>How often the count may be read while sending without competing with the run it measures.</summary>
    TimeSpan PollInterval { get; }

    /// <summary>Null when a host did not answer.</summary>
    Task<long?> ReadAsync(CancellationToken cancellationToken);
}
