using Orleans.Dashboard;
using Pulse.Grains;

namespace Pulse.Silo.Hosting;

public static class EmbeddedSiloExtensions
{
    /// <summary>
    /// The embedded default: one silo with localhost clustering, in-memory grain storage and direct
    /// calls from ingest to the partition grains (no stream). No external dependency; state lives as long as the process.
    /// </summary>
    public static IHostApplicationBuilder AddPulseEmbeddedSilo(this IHostApplicationBuilder builder)
    {
        var siloPort = builder.Configuration.GetValue("Pulse:SiloPort", EndpointOptionsDefaults.SiloPort);
        var gatewayPort = builder.Configuration.GetValue("Pulse:GatewayPort", EndpointOptionsDefaults.GatewayPort);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort);
            silo.AddMemoryGrainStorage(GrainStorageNames.Pulse);
            silo.AddDashboard();
        });
        builder.Services.AddPulseGrains(builder.Configuration);
        return builder;
    }
}

internal static class EndpointOptionsDefaults
{
    public const int SiloPort = 11111;
    public const int GatewayPort = 30000;
}
