using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Npgsql;
using Pulse.Analytics.Sentiment;
using Pulse.Dashboard.Api;
using Pulse.Dashboard.Teams;
using Pulse.Grains;
using Pulse.Grains.Brands;
using Pulse.Grains.Mentions;
using Pulse.Silo.Auth;

namespace Pulse.Silo.Archive.Search;

/// <summary>
/// <c>GET /api/mentions/search</c>: the archive's mentions by brand, words, time, channel, sentiment and language,
/// newest or most engaged first, a page at a time. Every parameter is checked here and named in a 400 when wrong; the
/// words are parsed by Pulse (web-search syntax, any text accepted) and reach PostgreSQL only as array parameters.
/// </summary>
public static class MentionSearchApi
{
    /// <summary>Search words are typed by people: a few words or a phrase. Far more is not a search but a mistake or an attack.</summary>
    public const int MaxQueryLength = 256;

    public const int DefaultLimit = 50;

    /// <summary>The labels by their wire names, the names <see cref="MentionView.LabelName"/> gives.</summary>
    private static readonly Dictionary<string, SentimentLabel> SentimentNames =
        Enum.GetValues<SentimentLabel>().ToDictionary(MentionView.LabelName, StringComparer.Ordinal);
    public const int MaxLimit = 200;

    public static IEndpointRouteBuilder MapMentionSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/mentions/search", SearchAsync).WithTags("Archive").WithName("SearchMentions").RequireAuthorization(PulsePolicies.Read);
        return app;
    }

    private static async Task<Results<Ok<MentionSearchPage>, ProblemHttpResult>> SearchAsync(
        IGrainFactory grains, IBrandVisibility visibility, ClaimsPrincipal user, IOptions<ChannelOptions> channels, IServiceProvider services,
        CancellationToken cancellationToken,
        string? brand = null, string? q = null, string? from = null, string? to = null, string? channel = null, string? sentiment = null,
        string? lang = null, string? sort = null, string? cursor = null, string? limit = null)
    {
        if (services.GetService<MentionSearch>() is not { } search)
        {
            return ArchiveProblems.Off("Archived mentions");
        }

        var parsed = Parse(q, from, to, channel, sentiment, lang, sort, cursor, limit, channels.Value.Channels);
        if (parsed.Problem is { } problem)
        {
            return problem;
        }

        var scope = visibility.ScopeOf(user);
        IReadOnlyList<string>? brands;
        if (brand is not null)
        {
            if (await grains.FindVisibleBrandAsync(brand, scope) is not { } found)
            {
                return ApiProblems.BrandNotFound(brand);
            }

            brands = [found.Id];
        }
        else
        {
            brands = scope.IsEvery ? null : scope.Brands.ToArray();
        }

        try
        {
            return TypedResults.Ok(await search.SearchAsync(parsed.Query! with { Brands = brands }, cancellationToken));
        }
        catch (Exception e) when (e is TimeoutException || (e is NpgsqlException && (e.InnerException is TimeoutException || e is PostgresException { SqlState: PostgresErrorCodes.QueryCanceled })))
        {
            return TypedResults.Problem(
                title: "Search took too long",
                detail: $"The search ran past {MentionSearch.Timeout.TotalSeconds:0} s. Narrow it: a brand, a shorter time range, more words.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        catch (NpgsqlException e)
        {
            return ArchiveProblems.Unavailable(e);
        }
    }

    /// <summary>The query the parameters describe (brands left to the caller's scope), or the 400 naming the first wrong one.</summary>
    internal static (MentionSearchQuery? Query, ProblemHttpResult? Problem) Parse(
        string? q, string? from, string? to, string? channel, string? sentiment, string? lang, string? sort, string? cursor, string? limit,
        IReadOnlyCollection<string> knownChannels)
    {
        static (MentionSearchQuery?, ProblemHttpResult?) Invalid(string parameter, string message) => (null, ApiProblems.Invalid(parameter, message));

        string? text = null;
        if (q is not null)
        {
            if (q.Length > MaxQueryLength)
            {
                return Invalid("q", $"q is {q.Length} characters; at most {MaxQueryLength}.");
            }

            if (q.Any(char.IsControl) || ArchiveText.HasLoneSurrogate(q))
            {
                return Invalid("q", "q holds control characters or invalid Unicode.");
            }

            text = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        }

        if (!ArchiveTimes.TryParse(from, out var since))
        {
            return Invalid("from", $"'{from}' is not a time: use ISO 8601, e.g. 2026-12-01 or 2026-12-01T08:00:00Z.");
        }

        if (!ArchiveTimes.TryParse(to, out var until))
        {
            return Invalid("to", $"'{to}' is not a time: use ISO 8601, e.g. 2026-12-07 or 2026-12-07T18:00:00Z.");
        }

        if (since is not null && until is not null && since >= until)
        {
            return Invalid("to", $"to ({until:O}) must be later than from ({since:O}).");
        }

        if (channel is not null && !knownChannels.Contains(channel, StringComparer.Ordinal))
        {
            return Invalid("channel", $"Unknown channel '{channel}'. Use one of: {string.Join(", ", knownChannels)}.");
        }

        SentimentLabel? label = null;
        if (sentiment is not null)
        {
            if (!SentimentNames.TryGetValue(sentiment, out var known))
            {
                return Invalid("sentiment", $"Unknown sentiment '{sentiment}'. Use positive, neutral or negative.");
            }

            label = known;
        }

        if (lang is not null && (lang.Length is < 2 or > 3 || !lang.All(char.IsAsciiLetterLower)))
        {
            return Invalid("lang", $"'{lang}' is not a language code: use two or three lower-case letters, e.g. de, en, und.");
        }

        MentionSearchSort order;
        switch (sort)
        {
            case null or "time":
                order = MentionSearchSort.Time;
                break;
            case "engagement":
                order = MentionSearchSort.Engagement;
                break;
            default:
                return Invalid("sort", $"Unknown sort '{sort}'. Use time (newest first) or engagement (likes + shares + comments).");
        }

        SearchCursor? after = null;
        if (cursor is not null)
        {
            after = SearchCursor.TryDecode(cursor);
            if (after is null)
            {
                return Invalid("cursor", "cursor is not one this API handed out: pass a page's 'next' unchanged.");
            }

            if (after.Sort != order)
            {
                return Invalid("cursor", $"cursor continues a search sorted by {after.Sort.ToString().ToLowerInvariant()}; pass the same sort.");
            }
        }

        var pageSize = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxLimit))
        {
            return Invalid("limit", $"limit must be a whole number from 1 to {MaxLimit}.");
        }

        return (new MentionSearchQuery(null, text, since, until, channel, label, lang, order, after, pageSize), null);
    }
}
