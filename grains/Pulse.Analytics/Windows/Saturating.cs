namespace Pulse.Analytics.Windows;

/// <summary>
/// Addition that sticks at <see cref="long.MaxValue"/> (or <see cref="long.MinValue"/>) instead of wrapping. Engagement
/// counts come from senders: two posts claiming <c>long.MaxValue</c> likes must read as "a lot", not as a negative
/// total that breaks ranking, detection and the dashboard.
/// </summary>
public static class Saturating
{
    public static long Add(long a, long b)
    {
        long sum = unchecked(a + b);

        // Overflow happened exactly when both operands have the same sign and the sum has the other one.
        return ((a ^ sum) & (b ^ sum)) < 0 ? (a < 0 ? long.MinValue : long.MaxValue) : sum;
    }

    public static long Add(long a, long b, long c) => Add(Add(a, b), c);
}
