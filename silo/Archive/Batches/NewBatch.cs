using Pulse.Grains.Ingest.Durable;

namespace Pulse.Silo.Archive.Batches;

/// <summary>
/// One row of <see cref="ArchiveSchema.Batches"/> about to be written: a brand's mentions from one write (and, in a
/// cluster, one ingest partition), their time span and top engagement (what searches prune on), the batch's distinct
/// search terms (the word index), its engagement tier terms (<see cref="EngagementTiers"/>) and the packed mentions.
/// </summary>
/// <param name="Partition">The ingest partition they came from, or -1 in the embedded default (no log).</param>
/// <param name="Last">The partition's newest log position in the batch: a replay after a silo's death reads the rows
/// past its commit to skip what was already written.</param>
internal sealed record NewBatch(
    string BrandId,
    int Partition,
    LogPosition Last,
    DateTime FirstAt,
    DateTime LastAt,
    long TopEngagement,
    int Count,
    string[] Terms,
    string[] Tiers,
    byte[] Body);
