using System.Globalization;

namespace Pulse.Silo.Audit;

/// <summary>
/// Where an entry sits in the log: the log's clock in Unix milliseconds, then a sequence within that millisecond. It is
/// the Redis stream id ("1767225600000-0"), and the cursor <c>GET /api/audit?before=</c> takes, so paging never skips or
/// repeats entries that share a millisecond.
/// </summary>
public readonly record struct AuditPosition(long Milliseconds, long Sequence) : IComparable<AuditPosition>
{
    /// <summary>The first position at <paramref name="time"/>: entries before it were written earlier.</summary>
    public static AuditPosition At(DateTimeOffset time) => new(time.ToUnixTimeMilliseconds(), 0);

    public DateTimeOffset Time => DateTimeOffset.FromUnixTimeMilliseconds(Milliseconds);

    public static bool TryParse(string? text, out AuditPosition position)
    {
        position = default;
        var dash = text?.IndexOf('-', StringComparison.Ordinal) ?? -1;
        if (dash <= 0
            || !long.TryParse(text.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            || !long.TryParse(text.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            return false;
        }

        position = new AuditPosition(ms, sequence);
        return true;
    }

    public int CompareTo(AuditPosition other) =>
        Milliseconds != other.Milliseconds ? Milliseconds.CompareTo(other.Milliseconds) : Sequence.CompareTo(other.Sequence);

    public static bool operator <(AuditPosition left, AuditPosition right) => left.CompareTo(right) < 0;

    public static bool operator >(AuditPosition left, AuditPosition right) => left.CompareTo(right) > 0;

    public static bool operator <=(AuditPosition left, AuditPosition right) => left.CompareTo(right) <= 0;

    public static bool operator >=(AuditPosition left, AuditPosition right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Milliseconds}-{Sequence}");
}
