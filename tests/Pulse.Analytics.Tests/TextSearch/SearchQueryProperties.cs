using CsCheck;
using Pulse.Analytics.Language;
using Pulse.Analytics.TextSearch;
using Pulse.Testing;
using static Pulse.Analytics.Tests.TextSearch.Search;

namespace Pulse.Analytics.Tests.TextSearch;

/// <summary>
/// Random small documents and queries over a few words (stop words, umlauts, inflections among them): the batch filter
/// never loses a match, the id path the archive uses agrees with the string path, and no query text makes parsing or
/// compiling throw or hang.
/// </summary>
public sealed class SearchQueryProperties
{
    private static readonly string[] Words =
        ["Störung", "Storung", "Störungen", "Müller", "muller", "mueller", "the", "of", "die", "bei", "für", "fur", "kind", "magic", "outage", "outages", "e-mail", "mail", "zugfix"];

    private static readonly Gen<string> Document = Gen.OneOf(Words).Array[0, 12].Select(words => string.Join(' ', words));

    private static readonly Gen<string> QueryText =
        Gen.OneOf([.. Words, "or", "OR", "-", "\"", "-\"", "-the"])
            .Array[1, 8]
            .Select(parts => string.Join(' ', parts).Replace("- ", "-", StringComparison.Ordinal).Replace("\" ", "\"", StringComparison.Ordinal));

    private static readonly Gen<string?> Lang = Gen.OneOf<string?>(Languages.German, Languages.English, null);

    [Fact]
    public void A_matching_document_contains_every_term_of_some_required_set()
    {
        int matches = 0;
        Gen.Select(Document.Array[1, 6], QueryText, Lang).Sample((documents, query, lang) =>
        {
            var compiled = Compile(query, lang);
            foreach (var document in documents)
            {
                var tokens = Tokens(document, lang);
                if (!compiled.Matches(tokens))
                {
                    continue;
                }

                Interlocked.Increment(ref matches);

                Assert.False(compiled.MatchesNothing);
                var terms = tokens.Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
                Assert.True(compiled.IsUnconstrained || compiled.RequiredTermSets.Any(set => set.All(terms.Contains)),
                    $"'{query}' ({lang}) matches '{document}', whose terms hold no required set");
            }

            // A batch (all documents' terms) without any required set holds no match.
            var batch = documents.SelectMany(d => Tokens(d, lang)).Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
            if (!compiled.IsUnconstrained && !compiled.RequiredTermSets.Any(set => set.All(batch.Contains)))
            {
                Assert.DoesNotContain(documents, d => compiled.Matches(Tokens(d, lang)));
            }
        }, iter: 3_000);

        Assert.True(matches > 500, $"only {matches} documents matched: the property was hardly tested");
    }

    [Fact]
    public void Required_sets_contain_no_other_set() =>
        Gen.Select(QueryText, Lang).Sample((query, lang) =>
        {
            var sets = Compile(query, lang).RequiredTermSets;
            for (int i = 0; i < sets.Count; i++)
            {
                Assert.Equal(sets[i].Count, sets[i].Distinct(StringComparer.Ordinal).Count());
                for (int j = 0; j < sets.Count; j++)
                {
                    Assert.True(i == j || !sets[i].All(sets[j].Contains), $"'{query}': set {i} lies within set {j}");
                }
            }
        }, iter: 2_000);

    [Fact]
    public void Matching_by_batch_term_ids_agrees_with_matching_by_terms() =>
        Gen.Select(Document.Array[1, 6], QueryText, Lang, Gen.Int).Sample((documents, query, lang, seed) =>
        {
            var compiled = Compile(query, lang);

            // The batch's dictionary: its documents' terms in a shuffled order, plus one the query cannot name.
            var dictionary = documents.SelectMany(d => Tokens(d, lang)).Select(t => t.Term).Append("\u0001")
                .Distinct(StringComparer.Ordinal).ToArray();
            new Random(seed).Shuffle(dictionary);
            var ids = dictionary.Select((term, id) => (term, id)).ToDictionary(p => p.term, p => p.id, StringComparer.Ordinal);
            var bound = compiled.Bind(term => ids.GetValueOrDefault(term, -1));

            foreach (var document in documents)
            {
                var tokens = Tokens(document, lang);
                var stored = tokens.Select(t => new TermAt(t.Position, ids[t.Term])).ToArray();
                Assert.Equal(compiled.Matches(tokens), bound.Matches(stored));
                Assert.True(bound.CanMatch || !bound.Matches(stored));
            }
        }, iter: 2_000);

    private static readonly Gen<string> Hostile = Gen.OneOf(
        Gen.String,
        Gen.Char.Array[0, 400].Select(chars => new string(chars)),
        Gen.OneOf("\"", "-", "or", " ", "'; DROP TABLE x; --", "\0", "\u0308", "\uD800", "Störung", "the", "(", "*")
            .Array[0, 200].Select(string.Concat));

    [Trait("Category", "Slow")]
    [Fact]
    public void Any_text_parses_and_compiles_without_throwing() =>
        Gen.Select(Hostile, Lang).Sample((query, lang) => Within.Run(() => CheckQuery(query, lang), Shown(query)), iter: 2_000);

    [Theory]
    [InlineData("'; DROP TABLE x; --")]
    [InlineData("\"")]
    [InlineData("\"\"\"")]
    [InlineData("-")]
    [InlineData("-\"")]
    [InlineData("or or")]
    [InlineData("\0\u0001\u001b[31m\r\n\t")]
    [InlineData("\uD800\uDC00\uDFFF")]
    [InlineData("a\u0308\u0308\u0308")]
    [InlineData("*:* AND (NOT x) || &&")]
    public void Hostile_queries_parse_and_compile(string query)
    {
        CheckQuery(query, Languages.German);
        CheckQuery(query, Languages.English);
        CheckQuery(query, null);
    }

    [Theory]
    [InlineData("outage ")]
    [InlineData("a or ")]
    [InlineData("-\"x y\" ")]
    [InlineData("Störung")]
    [InlineData("\"")]
    [InlineData("x")]
    public void Ten_thousand_characters_parse_and_compile_quickly(string unit)
    {
        string query = string.Concat(Enumerable.Repeat(unit, 10_000 / unit.Length + 1))[..10_000];

        Within.Run(() => CheckQuery(query, Languages.English), Shown(query));
    }

    private static bool CheckQuery(string query, string? lang)
    {
        var compiled = SearchQuery.Parse(query).Compile(lang, Analyzer);
        Assert.False(compiled.MatchesNothing && compiled.IsUnconstrained);
        compiled.Matches(Tokens(query, lang));
        compiled.Bind(_ => 0).Matches([new TermAt(0, 0), new TermAt(1, 0)]);
        return true;
    }

    private static string Shown(string query) => query.Length <= 200 ? query : string.Concat(query.AsSpan(0, 200), "…");
}
