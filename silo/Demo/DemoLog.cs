using Microsoft.Extensions.Logging;

namespace Pulse.Silo.Demo;

internal static partial class DemoLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Information,
        Message = "Demo data started: {BrandCount} brands, seed {Seed}, rate x{RateMultiplier}, a crisis every {CrisisInterval} (first at {FirstCrisis:O})")]
    public static partial void Started(ILogger logger, int brandCount, int seed, double rateMultiplier, TimeSpan crisisInterval, DateTimeOffset firstCrisis);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information,
        Message = "Demo crisis #{Number} started for {Brand}: {Hashtag}, for {Duration}")]
    public static partial void CrisisStarted(ILogger logger, long number, string brand, string hashtag, TimeSpan duration);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Warning,
        Message = "Demo ingest of {Count} mentions failed; continuing with the next tick")]
    public static partial void IngestFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Debug,
        Message = "Demo fell {Lag} behind; skipping ahead instead of replaying the gap")]
    public static partial void SkippedAhead(ILogger logger, TimeSpan lag);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Debug, Message = "Demo data disabled")]
    public static partial void Disabled(ILogger logger);
}
