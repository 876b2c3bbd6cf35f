using System.Text.Json;
using System.Text.RegularExpressions;
using Pulse.Testing;

namespace Pulse.Silo.Tests.Telemetry;

/// <summary>
/// The metric names Pulse promises: the rows of docs/observability.md's tables (first column, in backticks) and every
/// metric a PromQL expression of deploy/grafana/pulse.json reads. Names under the "Cluster mode only" heading, and the
/// dashboard's uses of them, only exist on cluster silos.
/// </summary>
internal static partial class DocumentedMetrics
{
    public const string DocsPath = "docs/observability.md";
    public const string DashboardPath = "deploy/grafana/pulse.json";

    /// <summary>(name, not on the default embedded host: cluster mode or archive only) for every metric row of the docs.</summary>
    public static IReadOnlyList<(string Name, bool ClusterOnly)> InDocs()
    {
        var rows = new List<(string, bool)>();
        var clusterOnly = false;
        foreach (var line in File.ReadLines(RepositoryRoot.PathOf(DocsPath)))
        {
            if (line.StartsWith('#'))
            {
                // Neither the cluster's nor the archive's metrics exist on the default embedded host.
                clusterOnly = line.Contains("Cluster mode only", StringComparison.Ordinal) || line.Contains("With the archive only", StringComparison.Ordinal);
            }
            else if (RowName().Match(line) is { Success: true } row)
            {
                rows.Add((row.Groups[1].Value, clusterOnly));
            }
        }

        return rows;
    }

    /// <summary>Every target expression of the dashboard's panels.</summary>
    public static IReadOnlyList<string> DashboardExpressions()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.PathOf(DashboardPath)));
        return
        [
            .. dashboard.RootElement.GetProperty("panels").EnumerateArray()
                .Where(p => p.TryGetProperty("targets", out _))
                .SelectMany(p => p.GetProperty("targets").EnumerateArray())
                .Select(t => t.GetProperty("expr").GetString()!),
        ];
    }

    /// <summary>The metric names an expression reads (PromQL functions and label names are not metric names).</summary>
    public static IEnumerable<string> MetricsIn(string expression) => MetricName().Matches(expression).Select(m => m.Value);

    /// <summary>Whether a scrape has <paramref name="name"/>: a sample of that name, or of its histogram's series.</summary>
    public static bool IsIn(PrometheusText scrape, string name) =>
        scrape.Samples.Any(s => s.Name == name || s.Name == name + "_bucket" || s.Name == name + "_count");

    // "| `pulse_mentions_received_total` | ..." (rows of a metrics table: the first cell names a metric).
    [GeneratedRegex(@"^\| `([a-z_]+)` \|")]
    private static partial Regex RowName();

    // A metric of one of the meters on /metrics: not a label name, which a matcher (=, !=, =~, !~) follows.
    [GeneratedRegex(@"\b(?:pulse|orleans|http|dotnet|kestrel|aspnetcore|signalr)_[a-z0-9_]+\b(?!\s*[=!~])")]
    private static partial Regex MetricName();
}
