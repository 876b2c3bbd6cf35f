using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Diagnostics;
using Pulse.Grains;
using Pulse.Grains.Telemetry;
using Pulse.Silo.Auth;
using Pulse.Silo.Hosting;
using Pulse.Silo.Ingest.Redis;

namespace Pulse.Silo.Telemetry;

/// <summary>
/// OpenTelemetry for every kind of host: Pulse's meter (<see cref="PulseMetrics"/>) beside Orleans', ASP.NET Core's and
/// the runtime's, read by Prometheus at <see cref="MetricsRoute"/> and/or exported over OTLP; traces from HTTP requests
/// through the ingest partitions to the grains when an OTLP endpoint is set. docs/observability.md has the details.
/// </summary>
public static class PulseTelemetryExtensions
{
    public const string MetricsRoute = "/metrics";

    /// <summary>Orleans' meter (Orleans.Core's OrleansInstruments): messaging, activations, grain calls.</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>
    /// Orleans' observable instruments whose every reading walks all activations (the first under the catalog's lock,
    /// which new activations wait for) or the whole directory cache. At 100 000 brands that is 600 000 entries per scrape,
    /// for figures <c>orleans_catalog_activations</c> and the dispatcher counters already give. Not read at all.
    /// </summary>
    public static readonly IReadOnlySet<string> OrleansInstrumentsWalkingEveryActivation = new HashSet<string>(StringComparer.Ordinal)
    {
        "orleans-messaging-processing-activation-data",
        "orleans-directory-cache-size",
    };

    /// <summary>
    /// Options (<see cref="TelemetryOptions.Section"/>, validated at start) and, as they say, a meter provider (when
    /// Prometheus or OTLP reads it), a tracer provider (when traces are on) and Orleans' trace propagation through grain
    /// calls. With neither, nothing listens and instruments cost a flag check. Invalid options register nothing but the
    /// check that stops the start with their errors.
    /// </summary>
    public static WebApplicationBuilder AddPulseTelemetry(this WebApplicationBuilder builder, PulseHostMode mode)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(mode);
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>());
        builder.Services.AddPulseMetrics();
        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (new TelemetryOptionsValidator().Validate(null, options).Failed || !(options.MetricsEnabled || options.TracesEnabled))
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(options.ServiceName, serviceVersion: typeof(PulseTelemetryExtensions).Assembly.GetName().Version?.ToString()));
        if (options.Prometheus)
        {
            builder.Services.AddSingleton<PrometheusScrapeMarker>();
        }

        if (options.MetricsEnabled)
        {
            telemetry.WithMetrics(metrics =>
            {
                metrics.AddMeter(PulseMetrics.MeterName, OrleansMeter).AddAspNetCoreInstrumentation().AddRuntimeInstrumentation();
                if (options.Prometheus)
                {
                    metrics.AddPrometheusExporter();
                }

                if (options.Otlp)
                {
                    metrics.AddOtlpExporter(o => Configure(o, options, "v1/metrics"));
                }
            });
            // Meters are found by name process-wide: only this host's (its IMeterFactory's) count here, never those of
            // another host in the same process (tests run several), whose series would merge with or repeat ours.
            builder.Services.ConfigureOpenTelemetryMeterProvider((services, metrics) =>
                metrics.AddView(OwnMetersOnly(services.GetRequiredService<IMeterFactory>())));
            builder.Services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddView(WithoutActivationWalks));
            if (mode.Kind == PulseHostKind.ClusterSilo)
            {
                builder.Services.AddPulseIngestLogLag(options.IngestLogLagInterval);
            }
        }

        if (options.TracesEnabled)
        {
            telemetry.WithTracing(tracing =>
            {
                tracing.SetSampler(new ParentBasedSampler(new HttpRootSampler(options.TraceSampleRatio)))
                    .AddSource(PulseActivities.SourceName, ActivitySources.RuntimeActivitySourceName, ActivitySources.ApplicationGrainActivitySourceName)
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => IsTraced(context.Request.Path));
                if (options.Otlp)
                {
                    tracing.AddOtlpExporter(o => Configure(o, options, "v1/traces"));
                }
            });
            // Carries the trace through grain calls (Orleans' call filters). Only with tracing: the filters cost every call.
            if (mode.RunsSilo)
            {
                builder.UseOrleans(silo => silo.AddActivityPropagation());
            }
            else
            {
                builder.UseOrleansClient(client => client.AddActivityPropagation());
            }
        }

        return builder;
    }

    /// <summary>
    /// <see cref="MetricsRoute"/> in Prometheus' text format, when <see cref="TelemetryOptions.Prometheus"/> is on: for admins
    /// of every brand, as /orleans is (the Orleans meter names grain types, partitions show the whole cluster's load).
    /// A scraper sends an admin API key as its bearer token (deploy/prometheus/prometheus.yml).
    /// </summary>
    public static IEndpointRouteBuilder MapPulseMetrics(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.ServiceProvider.GetService<PrometheusScrapeMarker>() is not null)
        {
            app.MapPrometheusScrapingEndpoint(MetricsRoute).RequireAuthorization(PulsePolicies.Admin, PulsePolicies.EveryBrand);
        }

        return app;
    }

    private static MetricStreamConfiguration? WithoutActivationWalks(Instrument instrument) =>
        instrument.Meter.Name == OrleansMeter && OrleansInstrumentsWalkingEveryActivation.Contains(instrument.Name) ? MetricStreamConfiguration.Drop : null;

    private static Func<Instrument, MetricStreamConfiguration?> OwnMetersOnly(IMeterFactory own) =>
        instrument => instrument.Meter.Scope is IMeterFactory scope && scope != own ? MetricStreamConfiguration.Drop : null;

    /// <summary>
    /// Registered with the Prometheus exporter, so mapping follows what was registered without reading the options, whose
    /// errors belong to the start.
    /// </summary>
    private sealed class PrometheusScrapeMarker;

    /// <summary>Scrapes, health probes and the hub's long-lived connections are no requests worth a trace.</summary>
    private static bool IsTraced(PathString path) =>
        !path.StartsWithSegments(MetricsRoute, StringComparison.Ordinal)
        && !path.StartsWithSegments("/healthz", StringComparison.Ordinal)
        && !path.StartsWithSegments(Pulse.Dashboard.DashboardExtensions.HubPath, StringComparison.Ordinal);

    /// <summary>
    /// The collector's address as given for gRPC; over HTTP each signal has its own path under it (an endpoint set in code
    /// is taken as the full URL, unlike OTEL_EXPORTER_OTLP_ENDPOINT).
    /// </summary>
    private static void Configure(OtlpExporterOptions exporter, TelemetryOptions options, string httpPath)
    {
        var endpoint = new Uri(options.OtlpEndpoint!);
        if (options.OtlpProtocol == TelemetryOptions.HttpProtobuf)
        {
            exporter.Protocol = OtlpExportProtocol.HttpProtobuf;
            exporter.Endpoint = new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/" + httpPath);
        }
        else
        {
            exporter.Protocol = OtlpExportProtocol.Grpc;
            exporter.Endpoint = endpoint;
        }

        if (options.OtlpHeaders is { Length: > 0 } headers)
        {
            exporter.Headers = headers;
        }
    }
}
