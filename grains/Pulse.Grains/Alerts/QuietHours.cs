using System.Globalization;

namespace Pulse.Grains.Alerts;

/// <summary>
/// A daily time range ("22:00" to "07:00", may cross midnight) in an IANA time zone during which webhooks
/// are held back, unless an alert reaches <see cref="WakeSeverity"/>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record QuietHours(
    [property: Id(0)] string From,
    [property: Id(1)] string To,
    [property: Id(2)] string TimeZone,
    [property: Id(3)] int WakeSeverity = 8)
{
    public const string TimeFormat = "HH:mm";

    public static bool TryParseTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    public static bool TryFindZone(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        return !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out zone!);
    }

    public bool Covers(DateTimeOffset at)
    {
        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Zone()).DateTime);
        var (from, to) = (Time(From), Time(To));
        return from <= to ? local >= from && local < to : local >= from || local < to;
    }

    /// <summary>The next end of quiet hours after <paramref name="at"/> (when held webhooks go out).</summary>
    public DateTimeOffset EndAfter(DateTimeOffset at)
    {
        var zone = Zone();
        var local = TimeZoneInfo.ConvertTime(at, zone).DateTime;
        var end = local.Date + Time(To).ToTimeSpan();
        if (end <= local)
        {
            end = end.AddDays(1);
        }

        return new DateTimeOffset(end, zone.GetUtcOffset(end));
    }

    private TimeZoneInfo Zone() =>
        TryFindZone(TimeZone, out var zone) ? zone : throw new InvalidOperationException($"Unknown time zone '{TimeZone}'.");

    private static TimeOnly Time(string text) =>
        TryParseTime(text, out var time) ? time : throw new InvalidOperationException($"Not a time of day ({TimeFormat}): '{text}'.");
}
