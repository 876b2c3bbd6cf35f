using Pulse.Analytics.Language;
using Pulse.Analytics.TextSearch;
using Pulse.Silo.Archive.Batches;

namespace Pulse.Silo.Archive.Search;

/// <summary>
/// Search words as each archived mention is checked against them: parsed once, analysed for German, English and every
/// other language (as the mentions were indexed), with the term sets a batch must contain to hold a match.
/// </summary>
internal sealed class TextMatch
{
    private readonly CompiledSearchQuery? _german;
    private readonly CompiledSearchQuery? _english;
    private readonly CompiledSearchQuery? _other;

    private TextMatch(CompiledSearchQuery? german, CompiledSearchQuery? english, CompiledSearchQuery? other)
    {
        (_german, _english, _other) = (german, english, other);
        var compiled = new[] { german, english, other }.OfType<CompiledSearchQuery>().ToArray();
        Unconstrained = compiled.Any(c => c.IsUnconstrained);
        MatchesNothing = compiled.All(c => c.MatchesNothing);
        CandidateSets = Unconstrained ? [] : compiled.SelectMany(c => c.RequiredTermSets).Select(set => set.Order(StringComparer.Ordinal).ToArray())
            .DistinctBy(set => string.Join('\u0001', set)).ToArray();
    }

    /// <summary>Only mentions in <paramref name="lang"/> when given, so only its analysis is needed.</summary>
    public static TextMatch Of(string text, string? lang, SearchAnalyzer analyzer)
    {
        var parsed = SearchQuery.Parse(text);
        CompiledSearchQuery? For(string? language) => lang is null || Pick(lang) == Pick(language) ? parsed.Compile(language, analyzer) : null;
        return new TextMatch(For(Languages.German), For(Languages.English), For(null));
    }

    /// <summary>No mention can match (the words were only stop words or punctuation).</summary>
    public bool MatchesNothing { get; }

    /// <summary>Every batch may hold a match (the words only exclude, e.g. <c>-refund</c>).</summary>
    public bool Unconstrained { get; }

    /// <summary>A batch may hold a match only if its terms contain every term of one of these sets.</summary>
    public IReadOnlyList<string[]> CandidateSets { get; }

    /// <summary>The words bound to one batch's term array, to check its mentions.</summary>
    public Bound Bind(string[] terms) => new(this, terms);

    private static int Pick(string? lang) => lang == Languages.German ? 0 : lang == Languages.English ? 1 : 2;

    internal sealed class Bound(TextMatch match, string[] terms)
    {
        private BoundSearchQuery? _german;
        private BoundSearchQuery? _english;
        private BoundSearchQuery? _other;

        public bool Matches(BatchBodyReader mention)
        {
            // The language compared in place: decoding it would allocate a string per mention checked.
            var query = mention.LangIs(Languages.German) ? _german ??= Bind(match._german)
                : mention.LangIs(Languages.English) ? _english ??= Bind(match._english)
                : _other ??= Bind(match._other);
            return query?.Matches(mention.Tokens) ?? false;
        }

        private BoundSearchQuery? Bind(CompiledSearchQuery? compiled) => compiled?.Bind(term => Array.IndexOf(terms, term));
    }
}
