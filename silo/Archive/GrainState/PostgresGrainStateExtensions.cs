using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Pulse.Silo.Archive.GrainState;

/// <summary>
/// Grain state and reminders in the archive's PostgreSQL (docs/archive.md, "Grain state in PostgreSQL"). Both use the
/// host's <see cref="ArchiveDatabase"/> (registered by <see cref="ArchiveExtensions.AddPulseArchive"/> with `--postgres`)
/// and key their rows by the silo's service id.
/// </summary>
public static class PostgresGrainStateExtensions
{
    /// <summary>
    /// A named grain storage in <c>pulse_grain_state</c>, in Orleans' binary format (as the memory and Redis storages are
    /// configured here): the state types are all [GenerateSerializer] with ids, so they stay readable across versions.
    /// </summary>
    public static ISiloBuilder AddPulsePostgresGrainStorage(this ISiloBuilder silo, string name)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        silo.Services.AddGrainStorage(name, (sp, _) => new PostgresGrainStorage(
            sp.GetRequiredService<ArchiveDatabase>(),
            new OrleansGrainStorageSerializer(sp.GetRequiredService<Serializer>()),
            sp.GetRequiredService<IActivatorProvider>(),
            sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId));
        return silo;
    }

    /// <summary>Orleans' reminder service with its table in <c>pulse_reminders</c>.</summary>
    public static ISiloBuilder UsePulsePostgresReminderService(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.AddReminders();
        silo.Services.AddSingleton<IReminderTable>(sp => new PostgresReminderTable(
            sp.GetRequiredService<ArchiveDatabase>(),
            sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
            sp.GetRequiredService<ILogger<PostgresReminderTable>>()));
        return silo;
    }
}
