using System.Buffers;
using System.Collections.Frozen;
using System.Runtime.InteropServices;

namespace Pulse.Analytics.Matching;

/// <summary>
/// Matches mentions against every brand at once. The text is tokenised once and each token is looked
/// up in one dictionary of all brands' terms; only brands hit by one of their candidate terms (every keyword, hashtag
/// and handle, and enough of the query's terms that it cannot hold without one) are evaluated.
/// Immutable and thread-safe: build a new one when brands change, or put the changes on top of it
/// (<see cref="LayeredBrandMatcher"/>).
/// </summary>
public sealed class BrandMatcher
{
    // Mentions up to this length fold on the stack; longer ones (news articles) rent pooled buffers.
    private const int StackTextLength = 256;

    private static readonly IReadOnlyDictionary<string, string> NoneSkipped = new Dictionary<string, string>();

    private readonly TermIndex _index;
    private readonly CompiledBrand[] _brands;
    private readonly int[][] _brandsByTerm;

    /// <exception cref="ArgumentException">A brand is invalid (see <see cref="BrandQueryParser.Validate"/>) or its id repeats.</exception>
    public BrandMatcher(IEnumerable<BrandQuery> brands)
        : this(brands, skipInvalid: false)
    {
    }

    private BrandMatcher(IEnumerable<BrandQuery> brands, bool skipInvalid)
    {
        ArgumentNullException.ThrowIfNull(brands);
        var builder = new TermIndex.Builder();
        var compiled = new List<CompiledBrand>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        Dictionary<string, string>? skipped = null;

        // How many brands use each term: a term many brands share is likely common in text too, so a query's candidate
        // terms are chosen among its rarer ones (see MatchExpression.Triggers).
        var usage = new List<int>();
        var terms = new List<int>();
        foreach (BrandQuery brand in brands)
        {
            List<string> errors = BrandQueryValidator.Validate(brand, out ParsedBrand? parsed);
            if (parsed is null)
            {
                if (!skipInvalid)
                {
                    throw new ArgumentException($"Brand '{brand.BrandId}' is invalid: {string.Join(" ", errors)}", nameof(brands));
                }

                (skipped ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase))[brand.BrandId] = string.Join(" ", errors);
                continue;
            }

            if (!ids.Add(brand.BrandId))
            {
                throw new ArgumentException($"Brand id '{brand.BrandId}' occurs more than once.", nameof(brands));
            }

            CompiledBrand one = Compile(parsed, builder);
            compiled.Add(one);
            terms.Clear();
            terms.AddRange(one.AnyOf);
            one.Query?.AddTerms(terms);
            foreach (int term in Distinct(terms))
            {
                while (usage.Count <= term)
                {
                    usage.Add(0);
                }

                usage[term]++;
            }
        }

        // Every brand's candidate terms, deduplicated, one brand after the other: the index from term to brands is
        // filled from this in one pass, without a list per term.
        var triggers = new List<int>();
        var triggerStarts = new List<int>(compiled.Count);
        foreach (CompiledBrand brand in compiled)
        {
            terms.Clear();
            terms.AddRange(brand.AnyOf);
            if (brand.Query is { } query)
            {
                terms.AddRange(query.Triggers(holds: true, usage)
                    ?? throw new InvalidOperationException($"Brand '{brand.Id}' has a query that holds without its terms; validation should have refused it."));
            }

            triggerStarts.Add(triggers.Count);
            triggers.AddRange(Distinct(terms));
        }

        _index = builder.Build();
        _brands = [.. compiled];
        _brandsByTerm = BrandsByTerm(_index.TermCount, triggers, triggerStarts);
        Skipped = skipped ?? NoneSkipped;
    }

    public int BrandCount => _brands.Length;

    /// <summary>Brands <see cref="CompileValid"/> left out, by id, with every problem as one sentence; empty otherwise.</summary>
    public IReadOnlyDictionary<string, string> Skipped { get; }

    /// <summary>
    /// Compiles the valid brands and leaves out the invalid ones (listed in <see cref="Skipped"/>): for brands stored
    /// before a rule existed, one of which must not stop all matching.
    /// </summary>
    /// <exception cref="ArgumentException">A brand id repeats.</exception>
    public static BrandMatcher CompileValid(IEnumerable<BrandQuery> brands) => new(brands, skipInvalid: true);

    /// <summary>Adds to <paramref name="matchedBrandIds"/> the id of each brand the mention matches, once each, in brand order.</summary>
    public void Match(ReadOnlySpan<char> text, string? author, ICollection<string> matchedBrandIds)
    {
        ArgumentNullException.ThrowIfNull(matchedBrandIds);
        if (_brands.Length == 0)
        {
            return;
        }

        MatchText(text, author, matchedBrandIds, this, masked: null, second: null);
    }

    /// <summary>
    /// Tokenises <paramref name="text"/> once and matches it against <paramref name="first"/> (leaving out the brand ids
    /// in <paramref name="masked"/>), then against <paramref name="second"/>.
    /// </summary>
    internal static void MatchText(
        ReadOnlySpan<char> text, string? author, ICollection<string> into, BrandMatcher first, IReadOnlySet<string>? masked, BrandMatcher? second)
    {
        if (text.IsEmpty)
        {
            return;
        }

        int scratchLength = TextNormalizer.ScratchLength(text.Length);
        int maxTokens = TextNormalizer.MaxTokenCount(text.Length);
        char[]? rentedScratch = null;
        FoldedToken[]? rentedTokens = null;
        try
        {
            Span<char> scratch = text.Length <= StackTextLength
                ? stackalloc char[TextNormalizer.ScratchLength(StackTextLength)]
                : (rentedScratch = ArrayPool<char>.Shared.Rent(scratchLength));
            Span<FoldedToken> tokens = text.Length <= StackTextLength
                ? stackalloc FoldedToken[TextNormalizer.MaxTokenCount(StackTextLength)]
                : (rentedTokens = ArrayPool<FoldedToken>.Shared.Rent(maxTokens));

            int count = TextNormalizer.Tokenize(text, scratch, tokens);
            tokens = tokens[..count];
            ReadOnlySpan<char> authorName = AuthorName.Normalize(author);
            first.MatchTokens(tokens, scratch, authorName, into, masked);
            second?.MatchTokens(tokens, scratch, authorName, into, masked: null);
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
        }
    }

    private void MatchTokens(ReadOnlySpan<FoldedToken> tokens, ReadOnlySpan<char> scratch, ReadOnlySpan<char> authorName, ICollection<string> into, IReadOnlySet<string>? masked)
    {
        if (_brands.Length == 0 || tokens.IsEmpty)
        {
            return;
        }

        var bits = MatchScratch.Rent(_index.TermCount, _brands.Length);
        try
        {
            var hits = new TermHits(bits, _brandsByTerm, _brands.Length);
            for (int t = 0; t < tokens.Length; t++)
            {
                _index.Visit(tokens[t].Text(scratch), tokens, t, scratch, ref hits);
                if (tokens[t].HasAlternate)
                {
                    _index.Visit(tokens[t].Alternate(scratch), tokens, t, scratch, ref hits);
                }
            }

            var candidates = hits.Candidates;
            if (candidates.Count > 1)
            {
                CollectionsMarshal.AsSpan(candidates).Sort(); // brand order
            }

            foreach (int brand in candidates)
            {
                CompiledBrand compiled = _brands[brand];
                if (compiled.Matches(hits.Terms, authorName) && (masked is null || !masked.Contains(compiled.Id)))
                {
                    into.Add(compiled.Id);
                }
            }
        }
        finally
        {
            MatchScratch.Return(bits);
        }
    }

    /// <summary>Per term, the brands it makes candidates, ascending; filled by counting, then placing.</summary>
    private static int[][] BrandsByTerm(int termCount, List<int> triggers, List<int> starts)
    {
        var counts = new int[termCount];
        foreach (int term in triggers)
        {
            counts[term]++;
        }

        var byTerm = new int[termCount][];
        for (int t = 0; t < termCount; t++)
        {
            byTerm[t] = counts[t] == 0 ? [] : new int[counts[t]];
            counts[t] = 0;
        }

        for (int b = 0; b < starts.Count; b++)
        {
            int end = b + 1 < starts.Count ? starts[b + 1] : triggers.Count;
            for (int i = starts[b]; i < end; i++)
            {
                int term = triggers[i];
                byTerm[term][counts[term]++] = b;
            }
        }

        return byTerm;
    }

    private static CompiledBrand Compile(ParsedBrand parsed, TermIndex.Builder builder)
    {
        BrandQuery brand = parsed.Brand;
        var anyOf = new int[parsed.AnyOf.Count];
        for (int i = 0; i < anyOf.Length; i++)
        {
            anyOf[i] = builder.Add(parsed.AnyOf[i]);
        }

        MatchExpression? query = parsed.Query is null ? null : CompileQuery(parsed.Query, builder);

        var noneOf = new int[parsed.NoneOf.Count];
        for (int i = 0; i < noneOf.Length; i++)
        {
            noneOf[i] = builder.Add(parsed.NoneOf[i]);
        }

        FrozenSet<string>? authors = brand.ExcludeAuthors is { Count: > 0 } excluded
            ? excluded.Select(a => new string(AuthorName.Normalize(a))).ToFrozenSet(StringComparer.OrdinalIgnoreCase)
            : null;

        return new CompiledBrand(brand.BrandId, anyOf, query, noneOf, authors);
    }

    private static MatchExpression CompileQuery(QueryNode node, TermIndex.Builder builder) => node switch
    {
        TermNode term => new MatchExpression.Term(builder.Add(Pattern(term.Text))),
        AndNode and => new MatchExpression.And(CompileQuery(and.Left, builder), CompileQuery(and.Right, builder)),
        OrNode or => new MatchExpression.Or(CompileQuery(or.Left, builder), CompileQuery(or.Right, builder)),
        NotNode not => new MatchExpression.Not(CompileQuery(not.Operand, builder)),
        _ => throw new ArgumentOutOfRangeException(nameof(node), node, "Unknown query node."),
    };

    /// <summary>The distinct values of <paramref name="values"/>, sorted (it is sorted in place).</summary>
    private static IEnumerable<int> Distinct(List<int> values)
    {
        values.Sort();
        for (int i = 0; i < values.Count; i++)
        {
            if (i == 0 || values[i] != values[i - 1])
            {
                yield return values[i];
            }
        }
    }

    private static TermPattern Pattern(string text) =>
        TermPattern.TryCreate(text, out TermPattern? pattern, out string? problem)
            ? pattern
            : throw new InvalidOperationException($"Term '{text}' {problem}; validation should have refused it.");
}
