using Microsoft.Extensions.Options;
using Pulse.Grains.Brands;
using Pulse.Grains.Digests;
using Pulse.Grains.Webhooks;
using Pulse.Silo.Archive.Reports;

namespace Pulse.Silo.Archive.Digest;

/// <summary>
/// Digests from the brand report: the week and the week before as the report's period and comparison, in hourly
/// buckets (a local week's midnights fall on whole UTC hours in every zone with whole-hour offsets), no competitors.
/// </summary>
internal sealed class ArchiveDigestSource(ReportBuilder reports, IGrainFactory grains, IOptions<WebhookOptions> webhooks) : IBrandDigestSource
{
    public bool Available => true;

    public async Task<BrandDigest> BuildAsync(string brandId, DigestPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var brand = await grains.GetGrain<IBrandCatalogGrain>(IBrandCatalogGrain.Key).FindAsync(brandId);
        var request = new ReportRequest(
            brandId,
            brand?.Name ?? brandId,
            ReportRequest.Align(new TimeRange(period.From, period.To), ReportResolution.Hour),
            ReportRequest.Align(new TimeRange(period.ComparisonFrom, period.From), ReportResolution.Hour),
            []);
        var report = await reports.BuildAsync(request, cancellationToken);
        return DigestBuilder.Build(report, period.Week, DigestBuilder.ReportLink(webhooks.Value.DashboardUrl, report.BrandId, report.Period));
    }
}
