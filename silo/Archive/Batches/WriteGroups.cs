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

    public void Add(IReadOnlyList<ScoredMention> mentions, ArchiveOrigin? origin)
    {
        var partition = origin?.Partition ?? -1;
        var position = origin?.Position ?? LogPosition.Start;
        foreach (var scored in mentions)
        {
            var id = (scored.BrandId, scored.Mention.Id);
            if (Written.Contains(id) || !_seen.Add(id))
            {
                continue;
            }

            ref var group = ref CollectionsMarshal.GetValueRefOrAddDefault(
                _groups, (scored.BrandId, partition, scored.Mention.Timestamp.UtcTicks / TimeSpan.TicksPerHour), out var exists);
            if (!exists)
            {
                group = new Group();
            }

            group!.Mentions.Add(scored);
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
