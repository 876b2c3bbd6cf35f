using System.Globalization;

namespace Pulse.Load;

/// <summary>
/// Unique mention ids for one run: <c>{run}-{sequence}</c> for traffic and <c>{run}-p{n}</c> for probes. The run part
/// (base-36 milliseconds since 2020) keeps ids of separate runs apart, since Pulse counts a repeated id once.
/// </summary>
internal sealed class MentionIds(string run)
{
    public const int MaxLength = 32;

    public string Run { get; } = run;

    public static MentionIds ForNow(TimeProvider time)
    {
        var millis = (ulong)(time.GetUtcNow() - new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero)).TotalMilliseconds;
        Span<char> digits = stackalloc char[16];
        var length = 0;
        do
        {
            digits[length++] = "0123456789abcdefghijklmnopqrstuvwxyz"[(int)(millis % 36)];
            millis /= 36;
        }
        while (millis > 0);

        digits[..length].Reverse();
        return new MentionIds("l" + new string(digits[..length]));
    }

    /// <summary>Writes the id of traffic mention <paramref name="sequence"/> into <paramref name="destination"/>.</summary>
    public ReadOnlySpan<char> Format(long sequence, Span<char> destination)
    {
        destination.TryWrite(CultureInfo.InvariantCulture, $"{Run}-{sequence}", out var written);
        return destination[..written];
    }

    public string Probe(long index) => string.Create(CultureInfo.InvariantCulture, $"{Run}-p{index}");
}
