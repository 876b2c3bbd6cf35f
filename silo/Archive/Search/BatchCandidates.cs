using System.Text;
using Npgsql;
using NpgsqlTypes;
using Pulse.Silo.Archive.Batches;

namespace Pulse.Silo.Archive.Search;

/// <summary>A batch that may hold results: where it is, and the bound its mentions cannot pass (newest time or top engagement).</summary>
internal readonly record struct BatchCandidate(NpgsqlTid Row, DateTime LastAt, long TopEngagement);

/// <summary>
/// The statements of a search over <see cref="ArchiveSchema.Batches"/>: candidates best bound first, a round at a time
/// (brand, time span and word index narrow them; nothing of the input becomes SQL text), then their bodies by row.
/// </summary>
internal static class BatchCandidates
{
    public const int PerRound = 256;

    /// <param name="floor">A lower bound, in ticks, on newest-first candidates' last mention.</param>
    /// <param name="tier">Most-engaged-first with words: only batches where a mention of at least this engagement tier
    /// (<see cref="EngagementTiers"/>) may hold them, and those written without tiers.</param>
    public static NpgsqlCommand Command(MentionSearchQuery query, TextMatch? text, long? floor, int? tier, BatchCandidate? after, NpgsqlConnection connection)
    {
        var command = new NpgsqlCommand { Connection = connection };
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
            Add("last_at >= @from", "from", from.UtcDateTime, NpgsqlDbType.TimestampTz);
        }

        if (query.To is { } to)
        {
            Add("first_at < @to", "to", to.UtcDateTime, NpgsqlDbType.TimestampTz);
        }

        if (query.After is { Sort: MentionSearchSort.Time } cursor)
        {
            Add("first_at <= @cursor", "cursor", cursor.PublishedAt, NpgsqlDbType.TimestampTz);
        }

        if (text is { Unconstrained: false })
        {
            string Sets(string column, string name, Func<string[], string[]> terms)
            {
                var sets = new List<string>();
                for (var i = 0; i < text.CandidateSets.Count; i++)
                {
                    sets.Add($"{column} @> @{name}{i}");
                    command.Parameters.Add(new NpgsqlParameter($"{name}{i}", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = terms(text.CandidateSets[i]) });
                }

                return sets.Count == 0 ? "FALSE" : "(" + string.Join(" OR ", sets) + ")";
            }

            var words = Sets("terms", "s", set => set);
            // A batch written before tiers has none but may hold the mentions all the same. (The tier index leaves out
            // batches without tier terms: the condition says so, for the planner to use it.)
            where.Add(tier is { } least
                ? $"((tiers <> '{{}}' AND {Sets("tiers", "t", set => EngagementTiers.Terms(least, set))}) OR (tiers IS NULL AND {words}))"
                : words);
        }

        var bound = query.Sort == MentionSearchSort.Engagement ? "top_engagement" : "last_at";
        if (floor is { } lowest)
        {
            Add("last_at >= @floor", "floor", new DateTime(lowest, DateTimeKind.Utc), NpgsqlDbType.TimestampTz);
        }

        if (after is { } last)
        {
            where.Add($"({bound}, ctid) < (@after_bound, @after_row)");
            command.Parameters.Add(query.Sort == MentionSearchSort.Engagement
                ? new NpgsqlParameter("after_bound", NpgsqlDbType.Bigint) { Value = last.TopEngagement }
                : new NpgsqlParameter("after_bound", NpgsqlDbType.TimestampTz) { Value = last.LastAt });
            command.Parameters.Add(new NpgsqlParameter("after_row", NpgsqlDbType.Tid) { Value = last.Row });
        }

        var sql = new StringBuilder($"SELECT ctid, last_at, top_engagement FROM {ArchiveSchema.Batches}");
        if (where.Count > 0)
        {
            sql.Append(" WHERE ").AppendJoin(" AND ", where);
        }

        sql.Append($" ORDER BY {bound} DESC, ctid DESC LIMIT {PerRound}");
        command.CommandText = sql.ToString();
        return command;
    }

    public static async Task<List<BatchCandidate>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var candidates = new List<BatchCandidate>(PerRound);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            candidates.Add(new BatchCandidate(reader.GetFieldValue<NpgsqlTid>(0), reader.GetFieldValue<DateTime>(1), reader.GetInt64(2)));
        }

        return candidates;
    }

    /// <summary>The rows' brand, first time, terms and body.</summary>
    public static NpgsqlCommand Bodies(IEnumerable<BatchCandidate> rows, NpgsqlConnection connection)
    {
        // Npgsql writes no tid[]: the rows go as text and PostgreSQL reads them back as tids.
        var command = new NpgsqlCommand($"SELECT brand_id, first_at, terms, body FROM {ArchiveSchema.Batches} WHERE ctid = ANY(@rows::tid[])", connection);
        command.Parameters.Add(new NpgsqlParameter("rows", NpgsqlDbType.Array | NpgsqlDbType.Text)
        {
            Value = rows.Select(r => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"({r.Row.BlockNumber},{r.Row.OffsetNumber})")).ToArray(),
        });
        return command;
    }
}
