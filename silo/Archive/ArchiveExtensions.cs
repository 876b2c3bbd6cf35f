using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using Pulse.Grains.Archive;

namespace Pulse.Silo.Archive;

public static class ArchiveExtensions
{
    /// <summary>
    /// The PostgreSQL mention archive on a silo host, when <see cref="ArchiveOptions.ConnectionString"/> is set
    /// (`--postgres`); otherwise only the options' check. It replaces the grains' default of no archive.
    /// </summary>
    public static IServiceCollection AddPulseArchive(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ArchiveOptions>().BindConfiguration(ArchiveOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ArchiveOptions>, ArchiveOptionsValidator>());
        var options = configuration.GetSection(ArchiveOptions.Section).Get<ArchiveOptions>() ?? new ArchiveOptions();
        if (!options.Enabled || new ArchiveOptionsValidator().Validate(null, options).Failed)
        {
            return services;
        }

        services.AddSingleton(_ => NpgsqlDataSource.Create(options.ConnectionString!));
        services.AddSingleton<MentionArchiveWriter>();
        services.Replace(ServiceDescriptor.Singleton<IMentionArchive>(sp => sp.GetRequiredService<MentionArchiveWriter>()));
        services.AddHostedService(sp => sp.GetRequiredService<MentionArchiveWriter>());
        services.AddSingleton<ArchiveRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<ArchiveRetention>());
        return services;
    }
}
