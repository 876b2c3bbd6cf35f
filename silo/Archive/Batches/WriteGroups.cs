using System.Runtime.InteropServices;
using Pulse.Grains.Archive;
using Pulse.Grains.Ingest.Durable;
using Pulse.Grains.Mentions;

namespace Pulse.Silo.Archive.Batches;

/// <summary>
/// The mentions of one write, grouped into one batch per (brand, ingest partition, UTC hour of the mention), each
/// (brand, mention id) once: a mention delivered twice within the write, or replayed after it was written
/// (<see cref="Written"/>), is left out. The hour keeps a batch's time span short, so searches and retention can tell
/// from its bounds whether to read it: a late mention (a feed polled hours after the post) goes in a batch of its own hour.
/// </summary>
internal sealed class WriteGroups
{
    private readonly Dictionary<(string Brand, int Partition, long Hour), Group> _groups = [];
    private readonly HashSet<(string Brand, string Id)> _seen = [];

    /// <summary>What PostgreSQL already holds of the replays in this write (see <see cref="BatchRows.AddWrittenAsync"/>).</summary>
    public HashSet<(string Brand, string Id)> Written { get; } = [];

    public int Mentions { get; private set; }

    public IEnumerable<(string Brand, int Partition, List<ScoredMention> Mentions, LogPosition Last)> Groups =>
        _groups.Select(g => (g.Key.Brand, g.Key.Partition, g.Value.Mentions, g.Value.Last));

    /// <summary>
    /// Adds a delivery. Only a replay's mentions are checked for repeats: the grains already skip a mention seen before
    /// (a client's retry), and a replay starts with a flush, so a first delivery repeats nothing in the same write.
    /// </summary>
    public void Add(IReadOnlyList<ScoredMention> mentions, ArchiveOrigin? origin)
    {
        var partition = origin?.Partition ?? -1;
        var position = origin?.Position ?? LogPosition.Start;
        var replayed = origin is { Replayed: true };
        Group? group = null;
        (string Brand, int Partition, long Hour) key = default;
        foreach (var scored in mentions)
        {
            if (replayed && (Written.Contains((scored.BrandId, scored.Mention.Id)) || !_seen.Add((scored.BrandId, scored.Mention.Id))))
            {
                continue;
            }

            // A delivery comes grouped by (brand, channel): the group of the mention before is most often this one's.
            var hour = scored.Mention.Timestamp.UtcTicks / TimeSpan.TicksPerHour;
            if (group is null || hour != key.Hour || !ReferenceEquals(scored.BrandId, key.Brand))
            {
                key = (scored.BrandId, partition, hour);
                ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_groups, key, out var exists);
                group = exists ? slot! : slot = new Group();
            }

            group.Mentions.Add(scored);
            group.Last = position > group.Last ? position : group.Last;
            Mentions++;
        }
    }

    public void Clear()
    {
        _groups.Clear();
        _seen.Clear();
        Written.Clear();
        Mentions = 0;
    }

    private sealed class Group
    {
        public List<ScoredMention> Mentions { get; } = [];

        public LogPosition Last { get; set; } = LogPosition.Start;
    }
}
