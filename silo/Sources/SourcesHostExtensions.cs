using Microsoft.Extensions.Options;
using Pulse.Grains;
using Pulse.Sources;

namespace Pulse.Silo.Sources;

public static class SourcesHostExtensions
{
    /// <summary>
    /// A silo's sources: the connectors and their supervisor, and the configuration's sources (validated at start, so a
    /// wrong entry stops the host with its field named instead of failing later).
    /// </summary>
    public static IServiceCollection AddPulseSourcesHost(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPulseSources(configuration);
        services.AddOptions<SourcesFileOptions>().Bind(configuration.GetSection(SourcesFileOptions.Section))
            .Validate<IOptions<ChannelOptions>>((file, channels) =>
            {
                SourceSeeder.Definitions(file, channels.Value.Channels, out var error);
                return error is null;
            }, "Pulse:Sources:Definitions holds an invalid source (the log of SourceSeeder names it).")
            .ValidateOnStart();
        services.AddHostedService<SourceSeeder>();
        return services;
    }
}
