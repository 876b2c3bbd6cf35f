using Npgsql;
using NpgsqlTypes;
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
/// exact, and for a common word it reads only the newest few batches. Most engaged first with words, it first reads only
/// the batches where a mention of a high engagement tier has the words (<see cref="EngagementTiers"/>), widening tier by
/// tier. A search past <see cref="Timeout"/> fails alone rather than holding a connection and a core.
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
    /// worst is newer than the bound, no batch before it can hold a better one.
    /// </summary>
    private static readonly TimeSpan[] TimeFloors = [TimeSpan.FromDays(1), TimeSpan.FromDays(7), TimeSpan.FromDays(30)];

    /// <summary>Batches decoded by this instance's searches, for tests of how much a search reads.</summary>
    internal long BatchesRead => Interlocked.Read(ref _batchesRead);

    private long _batchesRead;

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
        // Kept from floor to floor: a lower floor's candidates include the higher's, and a batch read once has given
        // the page all it can, so widening reads only what is new.
        var top = new TopMentions(query.Sort, count);
        var read = new HashSet<NpgsqlTid>();
        foreach (var floor in Floors(query, text))
        {
            await BestAboveAsync(query, text, filter, floor, top, read, connection, cancellationToken);
            if (floor == default || (top.IsFull && Reaches(top.Worst, floor)))
            {
                return top.Drain();
            }
        }

        throw new InvalidOperationException("The last floor is none.");
    }

    /// <summary>
    /// A bound tried before none: newest-first candidates whose last mention is at or after <paramref name="Ticks"/>,
    /// or most-engaged-first candidates where a mention of engagement tier <paramref name="Tier"/> or above may hold
    /// the words. Default: none.
    /// </summary>
    private readonly record struct Floor(long? Ticks, int? Tier);

    /// <summary>The bounds to try, highest first, ending with none.</summary>
    private IEnumerable<Floor> Floors(MentionSearchQuery query, TextMatch? text)
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

                yield return new Floor(floor, null);
            }
        }
        else if (text is { Unconstrained: false })
        {
            // Without words a batch's top engagement bounds its mentions well enough; with them, it bounds a mention
            // that may not have the words, so only the tier terms tell which batches can hold a well-engaged match.
            for (var tier = EngagementTiers.Count - 1; tier >= 0; tier--)
            {
                // Nothing after a cursor is more engaged than it, so a tier above it cannot fill the page.
                if (query.After is not { } after || after.Engagement >= EngagementTiers.Floor(tier))
                {
                    yield return new Floor(null, tier);
                }
            }
        }

        yield return default;
    }

    private static bool Reaches(SearchKey worst, Floor floor) => floor.Ticks is { } ticks
        ? worst.Ticks >= ticks
        : worst.Engagement >= EngagementTiers.Floor(floor.Tier!.Value);

    /// <summary>Adds to <paramref name="top"/> the mentions of the candidates above <paramref name="floor"/> not in <paramref name="read"/> yet.</summary>
    private async Task BestAboveAsync(
        MentionSearchQuery query, TextMatch? text, MentionFilter filter, Floor floor, TopMentions top, HashSet<NpgsqlTid> read,
        NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        BatchCandidate? after = null;
        var unread = new List<BatchCandidate>(BodiesPerRead);
        while (true)
        {
            List<BatchCandidate> candidates;
            await using (var command = BatchCandidates.Command(query, text, floor.Ticks, floor.Tier, after, connection))
            {
                candidates = await BatchCandidates.ReadAsync(command, cancellationToken);
            }

            var i = 0;
            while (i < candidates.Count)
            {
                if (top.IsFull && !CanImprove(query.Sort, candidates[i], top.Worst))
                {
                    return;
                }

                unread.Clear();
                for (; i < candidates.Count && unread.Count < BodiesPerRead; i++)
                {
                    if (read.Add(candidates[i].Row))
                    {
                        unread.Add(candidates[i]);
                    }
                }

                if (unread.Count == 0)
                {
                    continue;
                }

                await using var bodies = BatchCandidates.Bodies(unread, connection);
                await using var reader = await bodies.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var brand = reader.GetString(0);
                    var mentions = new BatchBodyReader(reader.GetFieldValue<byte[]>(3), reader.GetFieldValue<DateTime>(1));
                    filter.Collect(brand, reader.GetFieldValue<string[]>(2), mentions, top);
                    Interlocked.Increment(ref _batchesRead);
                }
            }

            if (candidates.Count < BatchCandidates.PerRound)
            {
                return;
            }

            after = candidates[^1];
        }
    }

    /// <summary>Whether a batch bounded as <paramref name="candidate"/> may hold a mention ranked before <paramref name="worst"/>.</summary>
    private static bool CanImprove(MentionSearchSort sort, BatchCandidate candidate, SearchKey worst) => sort == MentionSearchSort.Engagement
        ? candidate.TopEngagement >= worst.Engagement
        : candidate.LastAt.Ticks >= worst.Ticks;
}
