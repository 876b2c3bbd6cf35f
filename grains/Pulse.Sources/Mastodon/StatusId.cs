namespace Pulse.Sources.Mastodon;

/// <summary>
/// Mastodon status ids: numeric strings (snowflakes) that order by length, then by value. Compared as strings, so that
/// ids beyond <see cref="long"/> or other servers' alphanumeric ids (which keep the same rule) still order.
/// </summary>
internal static class StatusId
{
    private const int MaxLength = 64;

    /// <summary>Whether <paramref name="id"/> looks like an id we may send back as <c>min_id</c>: short, ASCII letters and digits.</summary>
    public static bool IsValid(string? id) =>
        id is { Length: > 0 and <= MaxLength } && id.AsSpan().IndexOfAnyExcept(Alphanumerics) < 0;

    /// <summary>Orders ids; null is before everything.</summary>
    public static int Compare(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return (a is null ? 0 : 1) - (b is null ? 0 : 1);
        }

        return a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);
    }

    public static string? Max(string? a, string? b) => Compare(a, b) >= 0 ? a : b;

    private static readonly System.Buffers.SearchValues<char> Alphanumerics =
        System.Buffers.SearchValues.Create("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
}
