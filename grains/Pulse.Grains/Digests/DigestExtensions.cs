using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pulse.Grains.Alerts;

namespace Pulse.Grains.Digests;

public static class DigestExtensions
{
    /// <summary>
    /// On every host: the schedule's options (validated at start) and rules, and no digest source unless the archive
    /// registers one (it replaces this default). Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddPulseDigests(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(DigestSchedule)))
        {
            return services;
        }

        services.AddOptions<DigestOptions>().Bind(configuration.GetSection(DigestOptions.Section)).ValidateDataAnnotations()
            .Validate(o => Enum.IsDefined(o.Weekday), $"{DigestOptions.Section}:Weekday must be a day of the week (Monday … Sunday).")
            .Validate(o => QuietHours.TryFindZone(o.TimeZone, out _), $"{DigestOptions.Section}:TimeZone must be an IANA time zone, e.g. Europe/Berlin.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new DigestSchedule(sp.GetRequiredService<IOptions<DigestOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IBrandDigestSource, NoBrandDigestSource>();
        return services;
    }

    /// <summary>On a silo with the archive: starts the scheduler's reminder once the host runs.</summary>
    public static IServiceCollection AddPulseDigestScheduler(this IServiceCollection services)
    {
        services.AddHostedService<DigestSchedulerStart>();
        return services;
    }
}
