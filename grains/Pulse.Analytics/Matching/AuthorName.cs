namespace Pulse.Analytics.Matching;

/// <summary>Authors compare case-insensitively and with or without a leading '@'.</summary>
internal static class AuthorName
{
    public static ReadOnlySpan<char> Normalize(ReadOnlySpan<char> author) => author.Trim().TrimStart('@').Trim();
}
