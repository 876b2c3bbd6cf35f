using System.Globalization;

namespace Pulse.Grains.Feeds;

/// <summary>
/// Turns channels stopping and resuming into data gaps: a channel that stops while a gap is open joins it (an outage of
/// several sources or of everything is one signal), and the gap ends when all its channels deliver again. Keeps the
/// open gap and the last <see cref="MaxKept"/> ended ones.
/// </summary>
internal sealed class DataGapBook
{
    public const int MaxKept = 20;

    private readonly List<DataGap> _ended = [];
    private DataGap? _open;

    public DataGap? Open => _open;

    /// <summary>Open gap first, then the ended ones, newest first.</summary>
    public DataGap[] List()
    {
        var list = new List<DataGap>(_ended.Count + 1);
        if (_open is not null)
        {
            list.Add(_open);
        }

        list.AddRange(Enumerable.Reverse(_ended));
        return [.. list];
    }

    public bool IsSilent(string channel) =>
        _open?.Channels.Any(c => c.Channel == channel && c.ResumedAt is null) == true;

    /// <summary>The channel's feed stopped: the open gap with it, or a new gap.</summary>
    public DataGap Stopped(string channel, DateTimeOffset silentSince, double expectedPerMinute, DateTimeOffset now)
    {
        var entry = new DataGapChannel(channel, silentSince, expectedPerMinute, null);
        DataGapChannel[] channels = _open is null ? [entry] : [.. _open.Channels.Where(c => c.Channel != channel), entry];
        var startedAt = _open?.StartedAt ?? silentSince;
        var id = _open?.Id ?? string.Create(CultureInfo.InvariantCulture, $"gap:{silentSince.ToUnixTimeMilliseconds()}");
        _open = new DataGap(id, channels, startedAt, now, null, Message(channels, null));
        return _open;
    }

    /// <summary>The channel delivers again: the gap updated (and ended once every channel is back), or null if it was in none.</summary>
    public DataGap? Resumed(string channel, DateTimeOffset at, DateTimeOffset now)
    {
        if (_open is null || !IsSilent(channel))
        {
            return null;
        }

        var channels = _open.Channels.Select(c => c.Channel == channel ? c with { ResumedAt = at } : c).ToArray();
        var ended = channels.All(c => c.ResumedAt is not null) ? at : (DateTimeOffset?)null;
        var gap = _open with { Channels = channels, UpdatedAt = now, EndedAt = ended, Message = Message(channels, ended) };
        if (ended is null)
        {
            _open = gap;
        }
        else
        {
            _open = null;
            _ended.Add(gap);
            if (_ended.Count > MaxKept)
            {
                _ended.RemoveAt(0);
            }
        }

        return gap;
    }

    /// <summary>What the war room reads: which feeds are silent since when, what was expected, and that brands' drops are held back.</summary>
    private static string Message(DataGapChannel[] channels, DateTimeOffset? ended)
    {
        var silent = channels.Where(c => c.ResumedAt is null).ToArray();
        if (ended is { } end)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"Data gap over: {string.Join(", ", channels.Select(c => c.Channel))} deliver again since {end.UtcDateTime:HH:mm:ss} UTC.");
        }

        var expected = silent.Sum(c => c.ExpectedPerMinute);
        var since = silent.Min(c => c.SilentSince);
        return string.Create(CultureInfo.InvariantCulture,
            $"No mentions at all from {string.Join(", ", silent.Select(c => c.Channel))} since {since.UtcDateTime:HH:mm:ss} UTC, where about {expected:0} a minute were expected: an ingestion outage, not a brand event. Brands' drop alerts there are held back.");
    }
}
