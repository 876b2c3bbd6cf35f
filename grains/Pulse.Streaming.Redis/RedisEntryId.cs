using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Pulse.Streaming.Redis;

/// <summary>A Redis stream entry id, "milliseconds-sequence". Ordered as Redis orders entries.</summary>
[GenerateSerializer, Immutable]
public readonly record struct RedisEntryId([property: Id(0)] long Milliseconds, [property: Id(1)] long Sequence) : IComparable<RedisEntryId>
{
    /// <summary>Before every entry ("0-0" is never a valid entry id).</summary>
    public static readonly RedisEntryId Zero = new(0, 0);

    public static bool TryParse([NotNullWhen(true)] string? value, out RedisEntryId id)
    {
        id = default;
        if (value is null)
        {
            return false;
        }

        var dash = value.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0
            || !long.TryParse(value.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            || !long.TryParse(value.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
        {
            return false;
        }

        id = new RedisEntryId(ms, seq);
        return true;
    }

    public static RedisEntryId Parse(string value) =>
        TryParse(value, out var id) ? id : throw new FormatException($"'{value}' is not a Redis stream entry id.");

    public int CompareTo(RedisEntryId other) =>
        Milliseconds != other.Milliseconds ? Milliseconds.CompareTo(other.Milliseconds) : Sequence.CompareTo(other.Sequence);

    public static bool operator <(RedisEntryId left, RedisEntryId right) => left.CompareTo(right) < 0;

    public static bool operator >(RedisEntryId left, RedisEntryId right) => left.CompareTo(right) > 0;

    public static bool operator <=(RedisEntryId left, RedisEntryId right) => left.CompareTo(right) <= 0;

    public static bool operator >=(RedisEntryId left, RedisEntryId right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Milliseconds}-{Sequence}");
}
