using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pulse.Grains.Digests;

/// <summary>
/// An ISO 8601 week ("2026-W10"): the week a digest covers, named by its first day. It keys the digest's webhook
/// idempotency and the grain's "last sent", so one week is one digest however often it is built.
/// </summary>
[GenerateSerializer, Immutable]
[JsonConverter(typeof(DigestWeekJsonConverter))]
public readonly record struct DigestWeek([property: Id(0)] int Year, [property: Id(1)] int Week) : IComparable<DigestWeek>
{
    public static DigestWeek Of(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return new(ISOWeek.GetYear(date), ISOWeek.GetWeekOfYear(date));
    }

    /// <summary>The day of <paramref name="weekday"/> in this week.</summary>
    public DateOnly Day(DayOfWeek weekday) => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, weekday));

    public int CompareTo(DigestWeek other) => Year != other.Year ? Year.CompareTo(other.Year) : Week.CompareTo(other.Week);

    public static bool operator <(DigestWeek left, DigestWeek right) => left.CompareTo(right) < 0;

    public static bool operator >(DigestWeek left, DigestWeek right) => left.CompareTo(right) > 0;

    public static bool operator <=(DigestWeek left, DigestWeek right) => left.CompareTo(right) <= 0;

    public static bool operator >=(DigestWeek left, DigestWeek right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-W{Week:D2}");

    public static bool TryParse(string? text, out DigestWeek week)
    {
        week = default;
        if (text is not { Length: 8 } || text[4] != '-' || text[5] != 'W'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || year < 1 || number < 1 || number > ISOWeek.GetWeeksInYear(year))
        {
            return false;
        }

        week = new(year, number);
        return true;
    }
}

/// <summary>A week is "2026-W10" on the wire.</summary>
public sealed class DigestWeekJsonConverter : JsonConverter<DigestWeek>
{
    public override DigestWeek Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DigestWeek.TryParse(reader.GetString(), out var week) ? week : throw new JsonException("Expected an ISO week such as \"2026-W10\".");

    public override void Write(Utf8JsonWriter writer, DigestWeek value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
