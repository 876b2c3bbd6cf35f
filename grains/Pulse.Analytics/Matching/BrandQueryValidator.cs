namespace Pulse.Analytics.Matching;

/// <summary>Checks a <see cref="BrandQuery"/> and explains every problem in a sentence a user can act on.</summary>
internal static class BrandQueryValidator
{
    public static List<string> Validate(BrandQuery brand) => Validate(brand, out _);

    /// <param name="parsed">For a valid brand, its terms and query as parsed here, so compiling need not parse them again.</param>
    public static List<string> Validate(BrandQuery brand, out ParsedBrand? parsed)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(brand.BrandId))
        {
            errors.Add("Brand id must not be empty.");
        }

        var anyOf = new List<TermPattern>(Count(brand.Keywords) + Count(brand.Hashtags) + Count(brand.Handles));
        var noneOf = new List<TermPattern>(Count(brand.Exclude));
        CheckTerms(brand.Keywords, "Keyword", sigil: null, errors, anyOf);
        CheckTerms(brand.Hashtags, "Hashtag", sigil: '#', errors, anyOf);
        CheckTerms(brand.Handles, "Handle", sigil: '@', errors, anyOf);
        CheckTerms(brand.Exclude, "Exclude term", sigil: null, errors, noneOf);

        if (brand.ExcludeAuthors is { } authors)
        {
            for (int i = 0; i < authors.Count; i++)
            {
                if (AuthorName.Normalize(authors[i]).IsEmpty)
                {
                    errors.Add($"Excluded author {i + 1} is blank.");
                }
            }
        }

        bool hasQuery = brand.Query is not null;
        QueryNode? query = hasQuery ? CheckQuery(brand.Query!, errors) : null;

        if (Count(brand.Keywords) + Count(brand.Hashtags) + Count(brand.Handles) == 0 && !hasQuery)
        {
            errors.Add("Brand has no keywords, hashtags, handles or query, so it can never match a mention.");
        }

        parsed = errors.Count == 0 ? new ParsedBrand(brand, anyOf, query, noneOf) : null;
        return errors;
    }

    /// <summary>Hashtags and handles are stored with their sigil so they tokenise as one "#tag"/"@name" token.</summary>
    public static string WithSigil(string text, char sigil)
    {
        string trimmed = text.Trim();
        return trimmed.StartsWith(sigil) ? trimmed : sigil + trimmed;
    }

    private static void CheckTerms(IReadOnlyList<string>? terms, string what, char? sigil, List<string> errors, List<TermPattern> patterns)
    {
        if (terms is null)
        {
            return;
        }

        for (int i = 0; i < terms.Count; i++)
        {
            string? term = terms[i];
            if (string.IsNullOrWhiteSpace(term) || (sigil is { } s && term.Trim() == s.ToString()))
            {
                errors.Add($"{what} {i + 1} is blank.");
                continue;
            }

            string text = sigil is { } sig ? WithSigil(term, sig) : term;
            if (!TermPattern.TryCreate(text, out TermPattern? pattern, out string? problem))
            {
                errors.Add($"{what} '{term}' {problem}.");
            }
            else if (sigil is { } single && (pattern.IsPhrase || pattern.Tokens[0][0] != single))
            {
                errors.Add($"{what} '{term}' must be a single word of letters, digits or '_'.");
            }
            else
            {
                patterns.Add(pattern);
            }
        }
    }

    /// <returns>The parsed query, or null when it does not parse.</returns>
    private static QueryNode? CheckQuery(string query, List<string> errors)
    {
        QueryNode node;
        try
        {
            node = QueryParser.Parse(query);
        }
        catch (BrandQuerySyntaxException ex)
        {
            errors.Add($"Query is invalid: {ex.Message}.");
            return null;
        }

        // Matching only evaluates brands that some present term points at, so a query that holds
        // when none of its terms occur ("NOT x", "a OR NOT b") would match everything and is refused.
        if (HoldsWithoutTerms(node))
        {
            errors.Add($"Query '{query}' matches mentions that contain none of its terms; "
                + "NOT only narrows a match, so combine it with a positive term, e.g. 'bahn NOT autobahn'.");
        }

        return node;
    }

    private static bool HoldsWithoutTerms(QueryNode node) => node switch
    {
        TermNode => false,
        AndNode and => HoldsWithoutTerms(and.Left) && HoldsWithoutTerms(and.Right),
        OrNode or => HoldsWithoutTerms(or.Left) || HoldsWithoutTerms(or.Right),
        NotNode not => !HoldsWithoutTerms(not.Operand),
        _ => throw new ArgumentOutOfRangeException(nameof(node), node, "Unknown query node."),
    };

    private static int Count(IReadOnlyList<string>? list) => list?.Count ?? 0;
}
