using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Pulse.Dashboard.Api;

namespace Pulse.Silo.Archive;

/// <summary>A time range [From, To).</summary>
public readonly record struct TimeRange(DateTimeOffset From, DateTimeOffset To)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public TimeSpan Length => To - From;
}

/// <summary>The archive APIs' <c>from</c> and <c>to</c> parameters: ISO 8601, a time without an offset is UTC.</summary>
internal static class ArchiveTimes
{
    public static bool TryParse(string? value, out DateTimeOffset? time)
    {
        time = null;
        if (value is null)
        {
            return true;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            && parsed.Year is >= 1970 and <= 9999)
        {
            time = parsed;
            return true;
        }

        return false;
    }

    /// <summary>
    /// The range the parameters name: <c>to</c> defaults to <paramref name="now"/>, <c>from</c> to
    /// <paramref name="defaultSpan"/> before <c>to</c>; a 400 naming the wrong one otherwise.
    /// </summary>
    public static bool TryRange(string? from, string? to, DateTimeOffset now, TimeSpan defaultSpan, out TimeRange range, out ProblemHttpResult problem)
    {
        range = default;
        problem = null!;
        if (!TryParse(from, out var since))
        {
            problem = ApiProblems.Invalid("from", $"'{from}' is not a time: use ISO 8601, e.g. 2026-12-01 or 2026-12-01T08:00:00Z.");
            return false;
        }

        if (!TryParse(to, out var until))
        {
            problem = ApiProblems.Invalid("to", $"'{to}' is not a time: use ISO 8601, e.g. 2026-12-07 or 2026-12-07T18:00:00Z.");
            return false;
        }

        var end = until ?? now;
        var start = since ?? end - defaultSpan;
        if (start >= end)
        {
            problem = ApiProblems.Invalid("to", $"to ({end:O}) must be later than from ({start:O}).");
            return false;
        }

        range = new TimeRange(start, end);
        return true;
    }
}
