using Pulse.Grains.Alerts;

namespace Pulse.Grains.Digests;

/// <summary>
/// The digest's calendar: which week is the last full one, when its digest is due, and whether a brand that last got
/// <c>lastSent</c> is owed one. Weeks run midnight to midnight in the configured zone; a due time that a clock change
/// skips moves to the first local time after it, and one it repeats is its first occurrence. After downtime only the
/// latest due week is owed: a digest is news, and a backlog of stale ones would bury it.
/// </summary>
public sealed class DigestSchedule
{
    private readonly DigestOptions _options;
    private readonly TimeZoneInfo _zone;
    private readonly TimeProvider _clock;

    public DigestSchedule(DigestOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        if (!QuietHours.TryFindZone(options.TimeZone, out var zone))
        {
            throw new ArgumentException($"Unknown time zone '{options.TimeZone}'.", nameof(options));
        }

        (_options, _zone, _clock) = (options, zone, clock);
    }

    /// <summary>The seven days that ended at the latest midnight starting the configured weekday: what "last week" means now.</summary>
    public DigestPeriod LastFullWeek()
    {
        var now = _clock.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, _zone).DateTime);
        var end = today.AddDays(-(((int)today.DayOfWeek - (int)_options.Weekday + 7) % 7));
        if (Instant(end, 0) > now)
        {
            end = end.AddDays(-7); // that midnight was skipped by a clock change, and its stand-in is still ahead
        }

        return Ending(end);
    }

    /// <summary>The latest week whose digest is due by now (the last full week once its hour has come, else the one before).</summary>
    public DigestPeriod LatestDue()
    {
        var full = LastFullWeek();
        return _clock.GetUtcNow() >= full.DueAt ? full : Ending(full.FirstDay);
    }

    /// <summary>The week whose digest comes due next.</summary>
    public DigestPeriod NextDue() => Ending(LatestDue().FirstDay.AddDays(14));

    /// <summary>The week a brand that last got <paramref name="lastSent"/> (null: never) is owed now, or null when none.</summary>
    public DigestPeriod? Due(DigestWeek? lastSent)
    {
        var latest = LatestDue();
        return lastSent >= latest.Week ? null : latest;
    }

    /// <summary>The period of a week named earlier (to rebuild a digest that must be sent again).</summary>
    public DigestPeriod Of(DigestWeek week) => Ending(week.Day(_options.Weekday).AddDays(7));

    private DigestPeriod Ending(DateOnly end)
    {
        var first = end.AddDays(-7);
        return new DigestPeriod(DigestWeek.Of(first), first, Instant(first, 0), Instant(end, 0), Instant(end.AddDays(-14), 0), Instant(end, _options.Hour));
    }

    private DateTimeOffset Instant(DateOnly day, int hour)
    {
        var local = day.ToDateTime(new TimeOnly(hour, 0));
        while (_zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15); // skipped by a clock change: the first local time that exists after it
        }

        // Repeated by a clock change: the first occurrence, which has the larger offset.
        var offset = _zone.IsAmbiguousTime(local) ? _zone.GetAmbiguousTimeOffsets(local).Max() : _zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
