using Npgsql;
using Pulse.Analytics.TextSearch;
using Pulse.Grains.Mentions;
using Pulse.Silo.Archive.Batches;

namespace Pulse.Silo.Archive.Search;

/// <summary>One page of search results and, when more follow, the cursor of the next.</summary>
public sealed record MentionSearchPage(IReadOnlyList<MentionView> Items, string? Next);

/// <summary>
/// Searches the archive's batches. Candidates come best bound first (newest last mention, or top engagement), narrowed
/// by brand, time and the word index; each candidate's mentions are checked in .NET against the words and filters, and
/// the best page is kept. The search stops once no further candidate can hold a mention better than the page's worst:
/// exact, and for a common word it reads only the newest few batches. A search past <see cref="Timeout"/> fails alone
/// rather than holding a connection and a core.
/// </summary>
public sealed class MentionSearch(ArchiveDatabase database, SearchAnalyzer analyzer, TimeProvider clock)
{
    /// <summary>Well past the 200 ms a search is meant to take, well short of a client's patience.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>Bodies read per round trip: enough to amortise it, few enough to stop soon after the page is settled.</summary>
    private const int BodiesPerRead = 16;

    public async Task<MentionSearchPage> SearchAsync(MentionSearchQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(Timeout);
        try
        {
            var best = await BestAsync(query, query.Limit + 1, budget.Token);
            var items = best.Take(query.Limit).Select(b => b.Mention.ToView()).ToList();
            string? next = null;
            if (best.Count > query.Limit)
            {
                var last = best[query.Limit - 1].Mention;
                next = new SearchCursor(query.Sort, last.PublishedAt, last.Engagement, last.Id, last.BrandId).Encode();
            }

            return new MentionSearchPage(items, next);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The search ran past {Timeout.TotalSeconds:0} s.");
        }
    }

    /// <summary>
    /// Lower bounds tried on the newest-first candidates' last mention before none: the last day, week and month. A
    /// search within a bound reads and sorts only the batches above it, where one over everything would sort every batch
    /// holding the words (a common word across every brand: hundreds of thousands). Exact all the same: once the page's
    /// worst is newer than the bound, no batch before it can hold a better one. (Engagement has none: a big batch's top
    /// engagement is high whatever the floor, so a floor saved nothing and a failed one read the batches twice.)
    /// </summary>
    private static readonly TimeSpan[] TimeFloors = [TimeSpan.FromDays(1), TimeSpan.FromDays(7), TimeSpan.FromDays(30)];

    /// <summary>The best <paramref name="count"/> mentions for <paramref name="query"/> (its own limit aside), best first.</summary>
    internal async Task<List<(ArchivedMention Mention, SearchKey Key)>> BestAsync(MentionSearchQuery query, int count, CancellationToken cancellationToken)
    {
        var text = query.Text is { } words ? TextMatch.Of(words, query.Lang, analyzer) : null;
        if (text is { MatchesNothing: true })
        {
            return [];
        }

        var filter = new MentionFilter(query, text);
        await using var connection = await database.OpenAsync(cancellationToken);
        foreach (var floor in Floors(query))
        {
            var top = await BestAboveAsync(query, text, filter, count, floor, connection, cancellationToken);
            if (floor is null || (top.IsFull && Reaches(top.Worst, floor.Value)))
            {
                return top.Drain();
            }
        }

        throw new InvalidOperationException("The last floor is none.");
    }

    /// <summary>The bounds to try, as ticks, ending with none.</summary>
    private IEnumerable<long?> Floors(MentionSearchQuery query)
    {
        if (query.Sort == MentionSearchSort.Time)
        {
            var reference = query.After is { } after ? after.PublishedAt.Ticks : (query.To ?? clock.GetUtcNow()).UtcTicks;
            foreach (var window in TimeFloors)
            {
                var floor = reference - window.Ticks;
                if (floor <= 0 || (query.From is { } from && from.UtcTicks >= floor))
                {
                    break; // the range is narrower already
                }

                yield return floor;
            }
        }

        yield return null;
    }

    private static bool Reaches(SearchKey worst, long floor) => worst.Ticks >= floor;

    private static async Task<TopMentions> BestAboveAsync(
        MentionSearchQuery query, TextMatch? text, MentionFilter filter, int count, long? floor, NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var top = new TopMentions(query.Sort, count);
        BatchCandidate? after = null;
        while (true)
        {
            List<BatchCandidate> candidates;
            await using (var command = BatchCandidates.Command(query, text, floor, after, connection))
            {
                candidates = await BatchCandidates.ReadAsync(command, cancellationToken);
            }

            for (var i = 0; i < candidates.Count; i += BodiesPerRead)
            {
                if (top.IsFull && !CanImprove(query.Sort, candidates[i], top.Worst))
                {
                    return top;
                }

                await using var bodies = BatchCandidates.Bodies(candidates.Skip(i).Take(BodiesPerRead), connection);
                await using var reader = await bodies.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var brand = reader.GetString(0);
                    var mentions = new BatchBodyReader(reader.GetFieldValue<byte[]>(3), reader.GetFieldValue<DateTime>(1));
                    filter.Collect(brand, reader.GetFieldValue<string[]>(2), mentions, top);
                }
            }

            if (candidates.Count < BatchCandidates.PerRound)
            {
                return top;
            }

            after = candidates[^1];
        }
    }

    /// <summary>Whether a batch bounded as <paramref name="candidate"/> may hold a mention ranked before <paramref name="worst"/>.</summary>
    private static bool CanImprove(MentionSearchSort sort, BatchCandidate candidate, SearchKey worst) => sort == MentionSearchSort.Engagement
        ? candidate.TopEngagement >= worst.Engagement
        : candidate.LastAt.Ticks >= worst.Ticks;
}
