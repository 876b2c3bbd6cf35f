using Pulse.Dashboard;
using Pulse.Dashboard.App;
using Pulse.Silo.Api;
using Pulse.Silo.Brands;
using Pulse.Silo.Cluster;
using Pulse.Silo.Demo;
using Pulse.Silo.Ingest;

namespace Pulse.Silo.Hosting;

public static class PulseHostExtensions
{
    /// <summary>Everything `pulse` serves: silo, ingest, brands, demo data, dashboard and health.</summary>
    public static WebApplicationBuilder AddPulse(this WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue<bool>("Pulse:Demo:Enabled") && string.IsNullOrEmpty(builder.Configuration[$"{BrandsOptions.Section}:File"]))
        {
            builder.Configuration[$"{BrandsOptions.Section}:File"] = DemoBrands.DefaultFilePath;
        }

        var redis = builder.Configuration.GetSection(RedisClusterOptions.Section).Get<RedisClusterOptions>() ?? new RedisClusterOptions();
        if (redis.Enabled)
        {
            builder.AddPulseClusterSilo(redis);
        }
        else
        {
            builder.AddPulseEmbeddedSilo();
        }

        builder.Services.AddIngest(builder.Configuration);
        builder.Services.AddOptions<BrandsOptions>().BindConfiguration(BrandsOptions.Section);
        builder.Services.AddHostedService<BrandSeeder>();
        builder.Services.AddDemoData(builder.Configuration);
        builder.Services.AddPulseDashboard();
        builder.Services.AddProblemDetails();
        builder.Services.AddHealthChecks().AddCheck<SiloReadyHealthCheck>("silo");
        return builder;
    }

    public static WebApplication MapPulse(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UsePulseDashboardApp();
        app.MapHealthChecks("/healthz");
        app.MapIngestApi();
        app.MapBrandsApi();
        app.MapAlertsApi();
        app.MapPulseDashboard();
        return app;
    }
}
