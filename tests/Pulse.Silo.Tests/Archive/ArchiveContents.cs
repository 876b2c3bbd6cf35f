using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pulse.Grains.Archive;
using Pulse.Grains.Mentions;
using Pulse.Silo.Archive;
using Pulse.Silo.Archive.Batches;

namespace Pulse.Silo.Tests.Archive;

/// <summary>What the archive's batches hold, decoded, and a way to archive mentions ingest would not take.</summary>
internal static class ArchiveContents
{
    /// <summary>Every archived mention (of <paramref name="brand"/>, or all), ordered by brand and id; none before the tables exist.</summary>
    public static async Task<List<ArchivedMention>> ReadAsync(NpgsqlConnection connection, string? brand = null)
    {
        var mentions = new List<ArchivedMention>();
        try
        {
            await using var read = new NpgsqlCommand(
                $"SELECT brand_id, first_at, body FROM {ArchiveSchema.Batches}{(brand is null ? "" : " WHERE brand_id = @brand")}", connection);
            if (brand is not null)
            {
                read.Parameters.AddWithValue("brand", brand);
            }

            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var body = new BatchBodyReader(reader.GetFieldValue<byte[]>(2), reader.GetFieldValue<DateTime>(1));
                while (body.MoveNext())
                {
                    mentions.Add(body.Materialize(reader.GetString(0)));
                }
            }
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // the host has not created its tables yet
        }

        return [.. mentions.OrderBy(m => m.BrandId, StringComparer.Ordinal).ThenBy(m => m.Id, StringComparer.Ordinal)];
    }

    /// <summary>Archives <paramref name="mentions"/> through the host's writer, as one write, and waits until they are in.</summary>
    public static async Task WriteAsync(IServiceProvider services, params ScoredMention[] mentions)
    {
        var archive = services.GetRequiredService<IMentionArchive>();
        await archive.FlushAsync(CancellationToken.None);
        await archive.AppendAsync(mentions, origin: null, CancellationToken.None);
        await archive.FlushAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
    }
}
