using System.Text.Json;
using Pulse.Load;
using Pulse.Silo.Ingest;

namespace Pulse.Silo.Tests.LoadTool;

/// <summary>What pulse-load sends is what the server's parser accepts, over HTTP (NDJSON) and in the ingest log (a JSON array).</summary>
public sealed class GeneratedMentionsParseTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly MentionPool Pool = MentionPool.Create(LoadBrands.Generate(1000, seed: 42), seed: 42, size: 4096);

    private static byte[] Batch(MentionPool pool, int count, bool jsonArray)
    {
        var ids = new MentionIds("ltest");
        var batch = new LoadBatch(jsonArray);
        var id = new char[MentionIds.MaxLength];
        batch.Begin(Now);
        for (var i = 0; i < count; i++)
        {
            batch.Add(ids.Format(i, id), pool[i]);
        }

        return batch.Complete().ToArray();
    }

    [Fact]
    public void The_servers_parser_accepts_every_line_of_an_ndjson_batch()
    {
        var body = Batch(Pool, 4096, jsonArray: false);

        var result = new MentionBatchParser(new IngestOptions()).Parse(body, MentionBodyFormat.NdJson, Now);

        Assert.True(result.IsFullyAccepted, string.Join("; ", result.Errors.Take(3).Select(e => $"{e.Line}: {e.Message}")));
        Assert.Equal(4096, result.Accepted.Count);
        Assert.Equal(4096, result.Accepted.Select(m => m.Id).Distinct().Count());
        Assert.All(result.Accepted, m => Assert.Equal(Now, m.Timestamp));
    }

    [Fact]
    public void An_ingest_log_entry_is_a_json_array_the_servers_parser_accepts()
    {
        var body = Batch(Pool, 300, jsonArray: true);

        var result = new MentionBatchParser(new IngestOptions()).Parse(body, MentionBodyFormat.Json, Now);

        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(body).RootElement.ValueKind);
        Assert.True(result.IsFullyAccepted);
        Assert.Equal(300, result.Accepted.Count);
    }
}
