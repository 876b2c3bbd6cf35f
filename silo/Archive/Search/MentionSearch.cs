using System.Text;
using Npgsql;
using NpgsqlTypes;
using Pulse.Analytics.Sentiment;
using Pulse.Grains.Mentions;

namespace Pulse.Silo.Archive.Search;

/// <summary>One page of search results and, when more follow, the cursor of the next.</summary>
public sealed record MentionSearchPage(IReadOnlyList<MentionView> Items, string? Next);

/// <summary>
/// Searches the archive: one parameterised statement per page (no input ever becomes SQL text), ordered by a unique key
/// and continued from a cursor. Statements past <see cref="Timeout"/> are cancelled, so a search too broad for the
/// moment fails alone rather than holding a connection.
/// </summary>
public sealed class MentionSearch(ArchiveDatabase database, TimeProvider clock)
{
    /// <summary>Well past the 200 ms a search is meant to take, well short of a client's patience.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private const string Columns =
        "brand_id, mention_id, channel, published_at, text, author, url, lang, sentiment, sentiment_label, likes, shares, comments, reach";

    public async Task<MentionSearchPage> SearchAsync(MentionSearchQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // A word in a tenth of a big brand's posts is a bitmap of hundreds of thousands of rows: past the default 4 MB
        // it turns lossy, and every row of a lossy page is read and checked again.
        await using (var memory = new NpgsqlCommand("SET LOCAL work_mem = '64MB'", connection, transaction))
        {
            await memory.ExecuteNonQueryAsync(cancellationToken);
        }

        var (items, more, lastEngagement) = await NewestFirstAsync(query, connection, transaction, cancellationToken);
        string? next = null;
        if (more)
        {
            var last = items[^1];
            next = new SearchCursor(query.Sort, last.Timestamp.UtcDateTime, lastEngagement, last.Id, last.BrandId).Encode();
        }

        await transaction.CommitAsync(cancellationToken);
        return new MentionSearchPage(items, next);
    }

    /// <summary>
    /// Words searched newest first look at the last day first, then the last week, month, and everything: a common word
    /// in a big brand fills a page from its newest hours, where a plan over every matching row would read thousands of
    /// rows to keep 51. Exact all the same: when a window holds more than a page, no older row can belong on it.
    /// </summary>
    private static readonly TimeSpan[] Windows = [TimeSpan.FromDays(1), TimeSpan.FromDays(7), TimeSpan.FromDays(30)];

    private async Task<(List<MentionView> Items, bool More, long LastEngagement)> NewestFirstAsync(
        MentionSearchQuery query, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        if (query.Text is not null && query.Sort == MentionSearchSort.Time)
        {
            var reference = query.After is { } after ? new DateTimeOffset(after.PublishedAt, TimeSpan.Zero) : query.To ?? clock.GetUtcNow();
            foreach (var window in Windows)
            {
                var lower = reference - window;
                if (query.From is { } from && from >= lower)
                {
                    break;
                }

                var page = await PageAsync(query with { From = lower }, connection, transaction, cancellationToken);
                if (page.More)
                {
                    return page;
                }
            }
        }

        return await PageAsync(query, connection, transaction, cancellationToken);
    }

    private static async Task<(List<MentionView> Items, bool More, long LastEngagement)> PageAsync(
        MentionSearchQuery query, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = await CommandAsync(query, connection, transaction, cancellationToken);
        var items = new List<MentionView>(query.Limit);
        long lastEngagement = 0;
        var more = false;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (items.Count == query.Limit)
            {
                more = true;
                break;
            }

            var view = Read(reader);
            lastEngagement = view.Likes + view.Shares + view.Comments;
            items.Add(view);
        }

        return (items, more, lastEngagement);
    }

    /// <summary>
    /// The statement for <paramref name="query"/>, its words parsed first in each configuration (one round trip), so the
    /// statement looks each distinct parse up once; internal so tests can read its plan.
    /// </summary>
    internal static async Task<NpgsqlCommand> CommandAsync(MentionSearchQuery query, NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        IReadOnlyList<string>? parses = null;
        if (query.Text is { } words)
        {
            await using var parse = new NpgsqlCommand(ArchiveTextSearch.ParseAll("@q"), connection, transaction);
            parse.Parameters.Add(new NpgsqlParameter("q", NpgsqlDbType.Text) { Value = ArchiveTextSearch.FoldQuery(words) });
            await using var reader = await parse.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            parses = Enumerable.Range(0, ArchiveTextSearch.AllConfigs.Count).Select(reader.GetString).ToArray();
        }

        var command = Build(query, parses, connection);
        command.Transaction = transaction;
        return command;
    }

    private static NpgsqlCommand Build(MentionSearchQuery query, IReadOnlyList<string>? parses, NpgsqlConnection connection)
    {
        var command = new NpgsqlCommand { Connection = connection, CommandTimeout = (int)Timeout.TotalSeconds };
        var where = new List<string>();
        void Add(string condition, string name, object value, NpgsqlDbType type)
        {
            where.Add(condition);
            command.Parameters.Add(new NpgsqlParameter(name, type) { Value = value });
        }

        switch (query.Brands)
        {
            case null:
                break;
            case [var one]:
                Add("brand_id = @brand", "brand", one, NpgsqlDbType.Text);
                break;
            default:
                Add("brand_id = ANY(@brands)", "brands", query.Brands.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                break;
        }

        if (query.From is { } from)
        {
            Add("published_at >= @from", "from", from.UtcDateTime, NpgsqlDbType.TimestampTz);
        }

        if (query.To is { } to)
        {
            Add("published_at < @to", "to", to.UtcDateTime, NpgsqlDbType.TimestampTz);
        }

        if (query.Channel is { } channel)
        {
            Add("channel = @channel", "channel", channel, NpgsqlDbType.Text);
        }

        if (query.Label is { } label)
        {
            Add("sentiment_label = @label", "label", (short)label, NpgsqlDbType.Smallint);
        }

        if (query.Lang is { } lang)
        {
            Add("lang = @lang", "lang", lang, NpgsqlDbType.Text);
        }

        if (parses is not null)
        {
            var (match, values) = ArchiveTextSearch.Match(parses, query.Lang, "q");
            where.Add(match);
            for (var i = 0; i < values.Count; i++)
            {
                command.Parameters.Add(new NpgsqlParameter($"q{i}", NpgsqlDbType.Text) { Value = values[i] });
            }
        }

        // The key orders every row uniquely: a mention naming two brands is a row under each.
        var key = query.Sort == MentionSearchSort.Engagement
            ? "(likes + shares + comments), published_at, mention_id, brand_id"
            : "published_at, mention_id, brand_id";
        if (query.After is { } after)
        {
            var bound = query.Sort == MentionSearchSort.Engagement ? "@after_e, @after_t, @after_m, @after_b" : "@after_t, @after_m, @after_b";
            where.Add($"({key}) < ({bound})");
            command.Parameters.Add(new NpgsqlParameter("after_e", NpgsqlDbType.Bigint) { Value = after.Engagement });
            command.Parameters.Add(new NpgsqlParameter("after_t", NpgsqlDbType.TimestampTz) { Value = after.PublishedAt });
            command.Parameters.Add(new NpgsqlParameter("after_m", NpgsqlDbType.Text) { Value = after.MentionId });
            command.Parameters.Add(new NpgsqlParameter("after_b", NpgsqlDbType.Text) { Value = after.BrandId });
        }

        command.Parameters.Add(new NpgsqlParameter("limit", NpgsqlDbType.Integer) { Value = query.Limit + 1 });
        var sql = new StringBuilder($"SELECT {Columns} FROM {ArchiveSchema.Mentions}");
        if (where.Count > 0)
        {
            sql.Append(" WHERE ").AppendJoin(" AND ", where);
        }

        sql.Append(" ORDER BY ").AppendJoin(", ", key.Split(", ").Select(k => k + " DESC")).Append(" LIMIT @limit");
        command.CommandText = sql.ToString();
        return command;
    }

    private static MentionView Read(NpgsqlDataReader reader) => new(
        Id: reader.GetString(1),
        BrandId: reader.GetString(0),
        Channel: reader.GetString(2),
        Text: reader.GetString(4),
        Author: reader.IsDBNull(5) ? null : reader.GetString(5),
        Url: reader.IsDBNull(6) ? null : reader.GetString(6),
        Timestamp: new DateTimeOffset(reader.GetFieldValue<DateTime>(3), TimeSpan.Zero),
        Lang: reader.IsDBNull(7) ? "" : reader.GetString(7),
        Sentiment: reader.GetFloat(8),
        Label: MentionView.LabelName((SentimentLabel)reader.GetInt16(9)),
        Likes: reader.GetInt64(10),
        Shares: reader.GetInt64(11),
        Comments: reader.GetInt64(12),
        Reach: reader.GetInt64(13));
}
