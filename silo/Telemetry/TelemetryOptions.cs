namespace Pulse.Silo.Telemetry;

/// <summary>
/// Metrics and traces (section <see cref="Section"/>, validated at start by <see cref="TelemetryOptionsValidator"/>):
/// Prometheus at /metrics by default, OTLP export when an endpoint is set. docs/observability.md describes each setting.
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "Pulse:Telemetry";

    /// <summary>The OTLP protocols the exporter speaks, as the OpenTelemetry environment variables spell them.</summary>
    public const string Grpc = "grpc";

    public const string HttpProtobuf = "http/protobuf";

    /// <summary>Serve the metrics at /metrics in Prometheus' text format, for admins of every brand (a scraper's API key).</summary>
    public bool Prometheus { get; set; } = true;

    /// <summary>
    /// Serve the Orleans dashboard at /orleans (admins of every brand). Off by default: it samples every activation once
    /// a second whether anyone looks or not (<see cref="Pulse.Silo.Engineers.OrleansDashboardHosting"/> switches it on every kind of host).
    /// </summary>
    public bool OrleansDashboard { get; set; }

    /// <summary>An OTLP collector (e.g. http://otel-collector:4317): metrics and traces go there. None: no OTLP export.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><see cref="Grpc"/> (port 4317 by convention) or <see cref="HttpProtobuf"/> (4318).</summary>
    public string OtlpProtocol { get; set; } = Grpc;

    /// <summary>Headers for every OTLP request, "key=value,key2=value2" (a collector's API key, say).</summary>
    public string? OtlpHeaders { get; set; }

    /// <summary>Record traces. Default: when <see cref="OtlpEndpoint"/> is set. True without one only helps an exporter added in code.</summary>
    public bool? Traces { get; set; }

    /// <summary>
    /// The share of HTTP requests whose trace is recorded (0 to 1); the work a request causes follows its decision
    /// (parent-based), and work no request caused (timers, sources, the demo) starts no trace.
    /// </summary>
    public double TraceSampleRatio { get; set; } = 0.05;

    /// <summary>Cluster mode: how often the ingest log's lag is read from Redis (one round of calls per partition).</summary>
    public TimeSpan IngestLogLagInterval { get; set; } = TimeSpan.FromSeconds(5);

    public string ServiceName { get; set; } = "pulse";

    public bool TracesEnabled => Traces ?? !string.IsNullOrWhiteSpace(OtlpEndpoint);

    public bool Otlp => !string.IsNullOrWhiteSpace(OtlpEndpoint);

    /// <summary>Whether anything reads the metrics; without a reader, instruments cost a flag check.</summary>
    public bool MetricsEnabled => Prometheus || Otlp;
}
