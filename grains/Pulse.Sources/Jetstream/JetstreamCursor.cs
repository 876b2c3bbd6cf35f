using System.Globalization;
using System.Text;

namespace Pulse.Sources.Jetstream;

/// <summary>
/// Where a Jetstream source resumes, as saved by the sink. Tagged text, <c>;</c>-separated <c>tag:value</c> parts:
/// <list type="bullet">
/// <item><c>us:1725911162329308;host:jetstream2.us-east.bsky.network</c> — the newest applied event's <c>time_us</c>
/// (what Jetstream v1 resumes from; unix microseconds, comparable across instances to within milliseconds).</item>
/// <item><c>seq:12345;us:1725911162329308;host:…</c> — as above plus the sequence number a Jetstream v2 server sends in
/// the v1 wire's <c>cursor</c> field. A sequence is exact but instance-local, so it is used only against the host that
/// assigned it; any other host resumes from <c>us</c> minus the margin.</item>
/// <item>A bare number (a cursor saved by some other tool): at or above 10^15 a time in µs, below it a sequence with no
/// known host — the same magnitude split Jetstream v2 itself applies to <c>?cursor=</c>.</item>
/// </list>
/// </summary>
internal sealed record JetstreamCursor(long? TimeUs, long? Seq, string? Host)
{
    /// <summary>Jetstream v2's split: smaller <c>?cursor=</c> values are sequences, larger ones unix microseconds.</summary>
    public const long TimeThreshold = 1_000_000_000_000_000;

    public static JetstreamCursor? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var bare))
        {
            return bare >= TimeThreshold ? new JetstreamCursor(bare, null, null) : new JetstreamCursor(null, bare, null);
        }

        long? time = null, seq = null;
        string? host = null;
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                return null;
            }

            var value = part[(colon + 1)..];
            switch (part[..colon])
            {
                case "us" when long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var us):
                    time = us;
                    break;
                case "seq" when long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var s):
                    seq = s;
                    break;
                case "host" when value.Length > 0:
                    host = value;
                    break;
                case "us" or "seq" or "host":
                    return null; // a known tag with a bad value: the whole cursor is suspect
                default:
                    break; // a tag a later version added: ignore it, keep what we understand
            }
        }

        return time is null && seq is null ? null : new JetstreamCursor(time, seq, host);
    }

    public string Format()
    {
        var text = new StringBuilder(80);
        if (Seq is { } seq)
        {
            text.Append(CultureInfo.InvariantCulture, $"seq:{seq};");
        }

        if (TimeUs is { } us)
        {
            text.Append(CultureInfo.InvariantCulture, $"us:{us};");
        }

        if (Host is not null)
        {
            text.Append("host:").Append(Host).Append(';');
        }

        return text.ToString(0, Math.Max(0, text.Length - 1));
    }

    public override string ToString() => Format();
}
