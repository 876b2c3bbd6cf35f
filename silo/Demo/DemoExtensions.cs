using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pulse.Grains;

namespace Pulse.Silo.Demo;

public static class DemoExtensions
{
    /// <summary>
    /// Registers <see cref="DemoOptions"/> (section <c>Pulse:Demo</c>, validated at start) and the
    /// hosted service that feeds demo mentions to <c>IMentionIngestor</c> when <c>Enabled</c>.
    /// </summary>
    public static IServiceCollection AddDemoData(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<DemoOptions>()
            .Bind(configuration.GetSection(DemoOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DemoOptions>, DemoOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddPulseMetrics();
        services.AddHostedService<DemoDataService>();
        return services;
    }
}
