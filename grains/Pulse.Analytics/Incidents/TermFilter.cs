namespace Pulse.Analytics.Incidents;

/// <summary>
/// Which folded tokens count as terms that could explain what people say: hashtags, and words of four letters or more
/// that are not stop words. Handles (@…) name people, not topics. Shared by a grain's live rising terms and reports.
/// </summary>
public static class TermFilter
{
    /// <summary>Longer tokens are not terms: no word that explains a spike is this long (base64, spam).</summary>
    public const int MaximumTermLength = 128;

    private const int MinimumTermLength = 4;

    public static bool IsInteresting(ReadOnlySpan<char> term) =>
        term.Length > 0 && term.Length <= MaximumTermLength
        && (term[0] == '#' ? term.Length > 1 : term[0] != '@' && term.Length >= MinimumTermLength && !StopWords.Contains(term));
}
