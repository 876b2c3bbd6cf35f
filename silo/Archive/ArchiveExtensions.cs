using Pulse.Analytics.TextSearch;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pulse.Grains.Archive;
using Pulse.Grains.Digests;
using Pulse.Grains.Wire;
using Pulse.Silo.Archive.Alerts;
using Pulse.Silo.Archive.Annotations;
using Pulse.Silo.Archive.Digest;
using Pulse.Silo.Archive.Reports;
using Pulse.Silo.Archive.Search;

namespace Pulse.Silo.Archive;

public static class ArchiveExtensions
{
    /// <summary>
    /// The archive's reading side on any host (search), when <see cref="ArchiveOptions.ConnectionString"/> is set
    /// (`--postgres`); otherwise only the options' check.
    /// </summary>
    public static IServiceCollection AddPulseArchive(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ArchiveOptions>().BindConfiguration(ArchiveOptions.Section).ValidateOnStart();
        // The digest's schedule on every host (the API previews the week it names); its source only with the archive.
        services.AddPulseDigests(configuration);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ArchiveOptions>, ArchiveOptionsValidator>());
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new WireNameJsonConverter<AnnotationKind>(AnnotationWireNames.Kind));
            o.SerializerOptions.Converters.Add(new WireNameJsonConverter<ReportResolution>(ReportsApi.Resolutions));
        });
        if (ConfiguredOptions(configuration) is not { } options)
        {
            return services;
        }

        services.TryAddSingleton(_ => ArchiveDatabase.Create(options.ConnectionString!));
        // One analyser for the writers and the searches, so both see the same words and share its stem cache.
        services.TryAddSingleton<SearchAnalyzer>();
        services.TryAddSingleton<MentionSearch>();
        services.TryAddSingleton<AnnotationStore>();
        services.TryAddSingleton<ReportBuilder>();
        services.Replace(ServiceDescriptor.Singleton<IBrandDigestSource, ArchiveDigestSource>());
        return services;
    }

    /// <summary>
    /// The archive's writing side on a silo host: the writers the partitions hand deliveries to and the alerts grains
    /// their changes (replacing the grains' defaults of no archive), retention, and the weekly digests' scheduler. Beside <see cref="AddPulseArchive"/>, which every host calls.
    /// </summary>
    public static IServiceCollection AddPulseArchiveWriter(this IServiceCollection services, IConfiguration configuration)
    {
        if (ConfiguredOptions(configuration) is null)
        {
            return services;
        }

        services.AddSingleton<MentionArchiveWriter>();
        services.Replace(ServiceDescriptor.Singleton<IMentionArchive>(sp => sp.GetRequiredService<MentionArchiveWriter>()));
        services.AddHostedService(sp => sp.GetRequiredService<MentionArchiveWriter>());
        services.AddSingleton<AlertArchiveWriter>();
        services.Replace(ServiceDescriptor.Singleton<IAlertArchive>(sp => sp.GetRequiredService<AlertArchiveWriter>()));
        services.AddHostedService(sp => sp.GetRequiredService<AlertArchiveWriter>());
        services.AddSingleton<ArchiveRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<ArchiveRetention>());
        services.AddPulseDigestScheduler();
        return services;
    }

    /// <summary>The options when the archive is on and they are valid; invalid ones fail the start through the validator.</summary>
    internal static ArchiveOptions? ConfiguredOptions(IConfiguration configuration)
    {
        var options = configuration.GetSection(ArchiveOptions.Section).Get<ArchiveOptions>() ?? new ArchiveOptions();
        return options.Enabled && !new ArchiveOptionsValidator().Validate(null, options).Failed ? options : null;
    }
}
