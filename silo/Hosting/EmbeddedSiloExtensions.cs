using Pulse.Silo.Engineers;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
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
            // Orleans' binary format instead of the JSON default (as in cluster mode): every grain that keeps state is read
            // through it when it activates, and 1 000 brands activate 9 000 such grains within seconds of the first mentions.
            silo.Services.AddOptions<MemoryGrainStorageOptions>(GrainStorageNames.Pulse)
                .Configure<Serializer>((o, serializer) => o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
            // Alerts' grains keep a reminder while webhook deliveries are pending (in memory here, like the state it guards).
            silo.UseInMemoryReminderService();
            silo.AddPulseOrleansDashboard(builder.Configuration);
        });
        builder.Services.AddPulseGrains(builder.Configuration);
        builder.Services.AddPulseDirectIngest();
        return builder;
    }
}

internal static class EndpointOptionsDefaults
{
    public const int SiloPort = 11111;
    public const int GatewayPort = 30000;
}
