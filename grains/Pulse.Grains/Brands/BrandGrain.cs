using Microsoft.Extensions.Options;
using Pulse.Analytics.Windows;
using Pulse.Grains.Channels;
using Pulse.Grains.Mentions;
using Pulse.Grains.Notifications;
using Pulse.Grains.Stats;
using Pulse.Grains.Ticks;

namespace Pulse.Grains.Brands;

[CollectionAgeLimit(Hours = 25)]
internal sealed class BrandGrain(IOptions<ChannelOptions> channels, DashboardOutbox dashboard, TickCadences cadences, TimeProvider clock)
    : Grain, IBrandGrain
{

    private readonly Dictionary<string, ChannelSnapshot> _live = new(StringComparer.Ordinal);
    private string _name = "";
    private bool _changed;
    private CadencedTimer? _timer;

    private string BrandId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await RefreshNameAsync();
        // A summary a second, or less often when the silo holds more brands than its tick budget (see TickCadence).
        var interval = cadences.Brands.Interval;
        _timer = new CadencedTimer(this.RegisterGrainTimer(PublishSummaryAsync, new GrainTimerCreationOptions(interval, interval)), interval);
        cadences.Brands.Enter();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_timer is not null)
        {
            cadences.Brands.Leave();
        }

        return Task.CompletedTask;
    }

    public async Task<BrandStats> GetStatsAsync(TimeSpan window, string windowName)
    {
        await RefreshNameAsync();
        var perChannel = await Task.WhenAll(channels.Value.Channels.Select(c => ChannelGrain(c).GetStatsAsync(window)));
        var stats = new ChannelStats[perChannel.Length];
        var total = WindowStats.From(default, window);
        for (var i = 0; i < perChannel.Length; i++)
        {
            stats[i] = new ChannelStats(channels.Value.Channels[i], perChannel[i]);
            total = total.Plus(perChannel[i]);
        }

        return new BrandStats(BrandId, _name, windowName, clock.GetUtcNow(), total, stats);
    }

    public async Task<BrandSeries> GetSeriesAsync(TimeSpan resolution, string resolutionName, int points)
    {
        var perChannel = await Task.WhenAll(channels.Value.Channels.Select(c => ChannelGrain(c).GetSeriesAsync(resolution, points)));
        var start = perChannel.Length == 0 ? clock.GetUtcNow() : perChannel[0].Start;
        return new BrandSeries(BrandId, resolutionName, resolution.TotalSeconds, start, [.. perChannel.Select(p => p.Series)]);
    }

    public async Task<MentionView[]> GetLatestAsync(int limit)
    {
        var perChannel = await Task.WhenAll(channels.Value.Channels.Select(c => ChannelGrain(c).GetLatestAsync(limit)));
        return [.. perChannel.SelectMany(m => m).OrderByDescending(m => m.Timestamp).Take(limit)];
    }

    public Task ReportAsync(ChannelSnapshot snapshot)
    {
        _live[snapshot.Channel] = snapshot;
        _changed = true;
        return Task.CompletedTask;
    }

    private Task PublishSummaryAsync()
    {
        _timer?.Follow(cadences.Brands.Interval);

        if (!_changed)
        {
            return Task.CompletedTask;
        }

        _changed = false;
        double rate = 0, sentimentSum = 0;
        long perMinute = 0, pos = 0, neu = 0, neg = 0, engagement = 0;
        foreach (var s in _live.Values)
        {
            rate += s.Rate;
            perMinute += s.PerMinute;
            sentimentSum += s.SentimentMean * s.PerMinute;
            pos += s.Positive;
            neu += s.Neutral;
            neg += s.Negative;
            engagement = Saturating.Add(engagement, Saturating.Add(s.Likes, s.Shares, s.Comments));
        }

        var summary = new BrandSummary(
            BrandId, _name, clock.GetUtcNow(), rate, perMinute,
            perMinute == 0 ? 0 : sentimentSum / perMinute,
            pos, neu, neg,
            pos + neg == 0 ? 0 : (double)(pos - neg) / (pos + neg),
            engagement);
        dashboard.Publish(summary);
        return Task.CompletedTask;
    }

    private async Task RefreshNameAsync()
    {
        var brand = await GrainFactory.GetGrain<IBrandCatalogGrain>(IBrandCatalogGrain.Key).FindAsync(BrandId);
        _name = brand?.Name ?? BrandId;
    }

    private IBrandChannelGrain ChannelGrain(string channel) =>
        GrainFactory.GetGrain<IBrandChannelGrain>(new ChannelKey(BrandId, channel).ToString());
}
