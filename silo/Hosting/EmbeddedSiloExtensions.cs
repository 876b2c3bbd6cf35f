using Pulse.Silo.Engineers;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using Pulse.Grains;
using Pulse.Grains.Brands;
using Pulse.Silo.Archive;
using Pulse.Silo.Archive.GrainState;
using Pulse.Silo.Brands;

namespace Pulse.Silo.Hosting;

public static class EmbeddedSiloExtensions
{
    /// <summary>
    /// The embedded default: one silo with localhost clustering and direct calls from ingest to the partition grains (no
    /// stream). No external dependency: state lives as long as the process, unless the archive's PostgreSQL is given
    /// (`--postgres`), which then keeps grain state, reminders and the brand catalog (docs/archive.md, "Grain state in
    /// PostgreSQL").
    /// </summary>
    public static IHostApplicationBuilder AddPulseEmbeddedSilo(this IHostApplicationBuilder builder)
    {
        var siloPort = builder.Configuration.GetValue("Pulse:SiloPort", EndpointOptionsDefaults.SiloPort);
        var gatewayPort = builder.Configuration.GetValue("Pulse:GatewayPort", EndpointOptionsDefaults.GatewayPort);
        var postgres = ArchiveExtensions.ConfiguredOptions(builder.Configuration) is not null;
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort);
            if (postgres)
            {
                // Alerts' grains keep a reminder while webhook deliveries are pending: kept beside the state it guards.
                silo.AddPulsePostgresGrainStorage(GrainStorageNames.Pulse);
                silo.UsePulsePostgresReminderService();
            }
            else
            {
                AddMemoryState(silo);
            }

            silo.AddPulseOrleansDashboard(builder.Configuration);
        });
        if (postgres)
        {
            // The catalog is not grain state: its store is chosen here (the grains' default is in memory).
            builder.Services.AddSingleton<IBrandCatalogStore, PostgresBrandCatalogStore>();
        }

        builder.Services.AddPulseGrains(builder.Configuration);
        builder.Services.AddPulseDirectIngest();
        return builder;
    }

    private static void AddMemoryState(ISiloBuilder silo)
    {
        silo.AddMemoryGrainStorage(GrainStorageNames.Pulse);
        // Orleans' binary format instead of the JSON default (as in cluster mode): every grain that keeps state is read
        // through it when it activates, and 1 000 brands activate 9 000 such grains within seconds of the first mentions.
        silo.Services.AddOptions<MemoryGrainStorageOptions>(GrainStorageNames.Pulse)
            .Configure<Serializer>((o, serializer) => o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
        // Alerts' grains keep a reminder while webhook deliveries are pending (in memory here, like the state it guards).
        silo.UseInMemoryReminderService();
    }
}

internal static class EndpointOptionsDefaults
{
    public const int SiloPort = 11111;
    public const int GatewayPort = 30000;
}
