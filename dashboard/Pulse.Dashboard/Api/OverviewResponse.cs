using Pulse.Grains.Stats;

namespace Pulse.Dashboard.Api;

public sealed record OverviewResponse(DateTimeOffset At, string Window, BrandShare[] Brands);

/// <summary>A brand's totals over the window and its share of all monitored brands' volume.</summary>
public sealed record BrandShare : WindowStats
{
    public BrandShare(string brandId, string name, WindowStats stats, double shareOfVoice) : base(stats)
    {
        BrandId = brandId;
        Name = name;
        ShareOfVoice = shareOfVoice;
    }

    public string BrandId { get; init; }

    public string Name { get; init; }

    public double ShareOfVoice { get; init; }
}
