using System.Buffers;
using System.Collections.Frozen;

namespace Pulse.Analytics.Matching;

/// <summary>
/// Matches mentions against every brand at once. The text is tokenised once and each token is looked
/// up in one dictionary of all brands' terms; only brands hit by a term are evaluated.
/// Immutable and thread-safe: build a new one when brands change.
/// </summary>
public sealed class BrandMatcher
{
    // Mentions up to this length fold on the stack; longer ones (news articles) rent pooled buffers.
    private const int StackTextLength = 256;
    private const int StackBitWords = 256;

    private readonly TermIndex _index;
    private readonly CompiledBrand[] _brands;
    private readonly int[][] _brandsByTerm;

    /// <exception cref="ArgumentException">A brand is invalid (see <see cref="BrandQueryParser.Validate"/>) or its id repeats.</exception>
    public BrandMatcher(IEnumerable<BrandQuery> brands)
    {
        ArgumentNullException.ThrowIfNull(brands);
        var builder = new TermIndex.Builder();
        var compiled = new List<CompiledBrand>();
        var positives = new List<List<int>>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (BrandQuery brand in brands)
        {
            List<string> errors = BrandQueryValidator.Validate(brand);
            if (errors.Count > 0)
            {
                throw new ArgumentException($"Brand '{brand.BrandId}' is invalid: {string.Join(" ", errors)}", nameof(brands));
            }

            if (!ids.Add(brand.BrandId))
            {
                throw new ArgumentException($"Brand id '{brand.BrandId}' occurs more than once.", nameof(brands));
            }

            var brandPositives = new List<int>();
            compiled.Add(Compile(brand, builder, brandPositives));
            positives.Add(brandPositives);
        }

        _index = builder.Build();
        _brands = [.. compiled];
        _brandsByTerm = new int[_index.TermCount][];
        var brandLists = new List<int>[_index.TermCount];
        for (int b = 0; b < positives.Count; b++)
        {
            foreach (int term in positives[b])
            {
                (brandLists[term] ??= []).Add(b);
            }
        }

        for (int t = 0; t < brandLists.Length; t++)
        {
            _brandsByTerm[t] = brandLists[t] is { } list ? [.. list.Distinct()] : [];
        }
    }

    public int BrandCount => _brands.Length;

    /// <summary>Adds to <paramref name="matchedBrandIds"/> the id of each brand the mention matches, once each, in brand order.</summary>
    public void Match(ReadOnlySpan<char> text, string? author, ICollection<string> matchedBrandIds)
    {
        ArgumentNullException.ThrowIfNull(matchedBrandIds);
        if (text.IsEmpty || _brands.Length == 0)
        {
            return;
        }

        int scratchLength = TextNormalizer.ScratchLength(text.Length);
        int maxTokens = TextNormalizer.MaxTokenCount(text.Length);
        int termWords = (_index.TermCount + 63) >> 6;
        int bitWords = termWords + ((_brands.Length + 63) >> 6);

        char[]? rentedScratch = null;
        FoldedToken[]? rentedTokens = null;
        ulong[]? rentedBits = null;
        try
        {
            Span<char> scratch = text.Length <= StackTextLength
                ? stackalloc char[TextNormalizer.ScratchLength(StackTextLength)]
                : (rentedScratch = ArrayPool<char>.Shared.Rent(scratchLength));
            Span<FoldedToken> tokens = text.Length <= StackTextLength
                ? stackalloc FoldedToken[TextNormalizer.MaxTokenCount(StackTextLength)]
                : (rentedTokens = ArrayPool<FoldedToken>.Shared.Rent(maxTokens));
            Span<ulong> bits = bitWords <= StackBitWords
                ? stackalloc ulong[StackBitWords]
                : (rentedBits = ArrayPool<ulong>.Shared.Rent(bitWords));
            bits = bits[..bitWords];
            bits.Clear();

            int count = TextNormalizer.Tokenize(text, scratch, tokens);
            tokens = tokens[..count];
            var hits = new TermHits(bits[..termWords], bits[termWords..], _brandsByTerm);
            for (int t = 0; t < tokens.Length; t++)
            {
                _index.Visit(tokens[t].Text(scratch), tokens, t, scratch, ref hits);
                if (tokens[t].HasAlternate)
                {
                    _index.Visit(tokens[t].Alternate(scratch), tokens, t, scratch, ref hits);
                }
            }

            ReadOnlySpan<char> authorName = AuthorName.Normalize(author);
            int brand = -1;
            while (hits.NextCandidate(ref brand))
            {
                if (_brands[brand].Matches(hits.Terms, authorName))
                {
                    matchedBrandIds.Add(_brands[brand].Id);
                }
            }
        }
        finally
        {
            if (rentedScratch is not null)
            {
                ArrayPool<char>.Shared.Return(rentedScratch);
            }

            if (rentedTokens is not null)
            {
                ArrayPool<FoldedToken>.Shared.Return(rentedTokens);
            }

            if (rentedBits is not null)
            {
                ArrayPool<ulong>.Shared.Return(rentedBits);
            }
        }
    }

    private static CompiledBrand Compile(BrandQuery brand, TermIndex.Builder builder, List<int> positives)
    {
        var anyOf = new List<int>();
        AddTerms(brand.Keywords, sigil: null);
        AddTerms(brand.Hashtags, sigil: '#');
        AddTerms(brand.Handles, sigil: '@');
        positives.AddRange(anyOf);

        MatchExpression? query = brand.Query is null
            ? null
            : CompileQuery(QueryParser.Parse(brand.Query), builder, positives, positive: true);

        var noneOf = new List<int>();
        foreach (string term in brand.Exclude ?? [])
        {
            noneOf.Add(builder.Add(Pattern(term)));
        }

        FrozenSet<string>? authors = brand.ExcludeAuthors is { Count: > 0 } excluded
            ? excluded.Select(a => new string(AuthorName.Normalize(a))).ToFrozenSet(StringComparer.OrdinalIgnoreCase)
            : null;

        return new CompiledBrand(brand.BrandId, [.. anyOf], query, [.. noneOf], authors);

        void AddTerms(IReadOnlyList<string>? terms, char? sigil)
        {
            foreach (string term in terms ?? [])
            {
                anyOf.Add(builder.Add(Pattern(sigil is { } s ? BrandQueryValidator.WithSigil(term, s) : term)));
            }
        }
    }

    /// <param name="positive">False under an odd number of NOTs: such terms cannot make the brand a candidate.</param>
    private static MatchExpression CompileQuery(QueryNode node, TermIndex.Builder builder, List<int> positives, bool positive)
    {
        switch (node)
        {
            case TermNode term:
                int id = builder.Add(Pattern(term.Text));
                if (positive)
                {
                    positives.Add(id);
                }

                return new MatchExpression.Term(id);
            case AndNode and:
                return new MatchExpression.And(
                    CompileQuery(and.Left, builder, positives, positive), CompileQuery(and.Right, builder, positives, positive));
            case OrNode or:
                return new MatchExpression.Or(
                    CompileQuery(or.Left, builder, positives, positive), CompileQuery(or.Right, builder, positives, positive));
            case NotNode not:
                return new MatchExpression.Not(CompileQuery(not.Operand, builder, positives, !positive));
            default:
                throw new ArgumentOutOfRangeException(nameof(node), node, "Unknown query node.");
        }
    }

    private static TermPattern Pattern(string text) =>
        TermPattern.TryCreate(text, out TermPattern? pattern, out string? problem)
            ? pattern
            : throw new InvalidOperationException($"Term '{text}' {problem}; validation should have refused it.");
}
