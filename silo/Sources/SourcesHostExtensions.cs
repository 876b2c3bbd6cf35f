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
        services.AddOptions<SourcesFileOptions>().Bind(configuration.GetSection(SourcesFileOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SourcesFileOptions>, SourcesFileValidation>();
        services.AddHostedService<SourceSeeder>();
        return services;
    }

    /// <summary>Fails the start with the first wrong entry's key and what is wrong with it (e.g. Pulse:Sources:Definitions:0:kind).</summary>
    private sealed class SourcesFileValidation(IOptions<ChannelOptions> channels) : IValidateOptions<SourcesFileOptions>
    {
        public ValidateOptionsResult Validate(string? name, SourcesFileOptions options)
        {
            SourceSeeder.Definitions(options, channels.Value.Channels, out var error);
            return error is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(error);
        }
    }
}
