using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pulse.Dashboard;
using Pulse.Dashboard.App;
using Pulse.Dashboard.Hubs;
using Pulse.Grains;
using Pulse.Grains.Alerts;
using Pulse.Silo.Api;
using Pulse.Silo.Archive;
using Pulse.Silo.Archive.Annotations;
using Pulse.Silo.Archive.Digest;
using Pulse.Silo.Archive.History;
using Pulse.Silo.Archive.Reports;
using Pulse.Silo.Archive.Search;
using Pulse.Silo.Audit;
using Pulse.Silo.Auth;
using Pulse.Silo.Auth.Keys;
using Pulse.Silo.Auth.Oidc;
using Pulse.Silo.Auth.SignIn;
using Pulse.Silo.Brands;
using Pulse.Silo.Brands.Import;
using Pulse.Silo.Cluster;
using Pulse.Silo.Demo;
using Pulse.Silo.Engineers;
using Pulse.Silo.Ingest;
using Pulse.Silo.RateLimits;
using Pulse.Silo.Sources;
using Pulse.Silo.Telemetry;

namespace Pulse.Silo.Hosting;

public static class PulseHostExtensions
{
    /// <summary>
    /// Everything `pulse` serves. A silo host (embedded or cluster) serves ingest, brands, demo data, dashboards and
    /// health; a dashboard-only host is an Orleans client serving the same dashboards and APIs without ingest.
    /// </summary>
    public static WebApplicationBuilder AddPulse(this WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue<bool>("Pulse:Demo:Enabled") && string.IsNullOrEmpty(builder.Configuration[$"{BrandsOptions.Section}:File"]))
        {
            builder.Configuration[$"{BrandsOptions.Section}:File"] = DemoBrands.DefaultFilePath;
        }

        AllowedHostsDefault.Apply(builder.Configuration);
        var redis = builder.Configuration.GetSection(RedisClusterOptions.Section).Get<RedisClusterOptions>() ?? new RedisClusterOptions();
        var client = builder.Configuration.GetSection(DashboardClientOptions.Section).Get<DashboardClientOptions>() ?? new DashboardClientOptions();
        var mode = PulseHostMode.From(builder.Configuration, redis, client);
        builder.Services.AddSingleton(mode);
        switch (mode.Kind)
        {
            case PulseHostKind.ClusterSilo:
                builder.AddPulseClusterSilo(redis);
                break;
            case PulseHostKind.DashboardOnly:
                builder.AddPulseDashboardClient(redis, client);
                break;
            default:
                builder.AddPulseEmbeddedSilo();
                break;
        }

        if (mode.RunsSilo)
        {
            builder.Services.AddIngest(builder.Configuration);
            builder.Services.TryAddSingleton<LoadedBrandsFile>();
            builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BrandsOptions>, BrandsOptionsValidator>());
            builder.Services.AddHostedService<BrandSeeder>();
            builder.Services.AddPulseSourcesHost(builder.Configuration);
            builder.Services.AddDemoData(builder.Configuration);
            builder.Services.AddPulseArchiveWriter(builder.Configuration);
        }

        // Every host serves the brands API (imports included); only a silo host seeds brands from a file.
        builder.Services.AddOptions<BrandsOptions>().BindConfiguration(BrandsOptions.Section)
            .Validate(o => o.MaxImportItems >= 1 && o.MaxImportBytes >= 1, $"{BrandsOptions.Section}:MaxImportItems and MaxImportBytes must be at least 1.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton<BrandImportHandler>();
        builder.Services.AddPulseArchive(builder.Configuration);
        builder.Services.AddPulseChannels(builder.Configuration);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddPulseDashboard();
        builder.Services.AddEngineersDashboard(builder.Configuration);
        builder.AddPulseTelemetry(mode);
        builder.Services.AddPulseAuthorization(redis);
        builder.Services.AddPulseAudit(redis);
        builder.Services.AddPulseSingleSignOn(builder.Configuration);
        builder.Services.AddProblemDetails();
        builder.Services.AddPulseRateLimits();
        builder.Services.AddPulseForwardedHeaders();
        builder.Services.AddExceptionHandler<ClusterUnavailableHandler>();
        // The HTTP boundary: alert kinds, states and sensitivities by their names in CONTRACT.md.
        builder.Services.ConfigureHttpJsonOptions(o => AlertWireNames.AddJsonConverters(o.SerializerOptions.Converters));
        builder.Services.AddHealthChecks().AddCheck<SiloReadyHealthCheck>(mode.RunsSilo ? "silo" : "cluster");
        return builder;
    }

    /// <summary>The one HTTP surface of every host; only ingest differs between silo and dashboard-only hosts.</summary>
    public static WebApplication MapPulse(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var mode = app.Services.GetRequiredService<PulseHostMode>();
        AllowedHostsDefault.WarnIfOpen(app);
        app.UsePulseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UsePulseSecurityHeaders();
        app.UsePulseHubOriginCheck();
        app.UsePulseDashboardApp();
        app.UseAuthentication();
        app.UsePulseAntiforgery();
        app.UseAuthorization();
        app.UsePulseRateLimits();
        // Load balancers and orchestrators probe without credentials; the report names no brand or secret.
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync }).AllowAnonymous();
        if (mode.RunsSilo)
        {
            app.MapIngestApi();
        }
        else
        {
            app.MapIngestElsewhere();
        }

        app.MapBrandsApi();
        app.MapSourcesApi();
        app.MapAlertsApi();
        app.MapMentionSearchApi();
        app.MapAnnotationsApi();
        app.MapReportsApi();
        app.MapDigestApi();
        app.MapBrandHistoryApi();
        app.MapApiKeysApi();
        app.MapPulseSignIn();
        app.MapAuditApi();
        app.MapPulseDashboard(PulsePolicies.Read);
        app.MapEngineersDashboard();
        app.MapPulseMetrics();
        return app;
    }
}
