using Microsoft.Extensions.Options;
using Pulse.Grains;
using Pulse.Sources.Connecting;
using Pulse.Sources.Running;

namespace Pulse.Silo.Sources;

/// <summary>Adds the configuration's sources once the silo runs. Never overwrites a source edited over the API.</summary>
internal sealed partial class SourceSeeder(
    IOptions<SourcesFileOptions> options,
    IOptions<ChannelOptions> channels,
    IGrainFactory grains,
    IHostApplicationLifetime lifetime,
    ILogger<SourceSeeder> logger) : BackgroundService
{
    /// <summary>The file's sources as definitions, or the first error naming the entry and the field.</summary>
    public static SourceDefinition[] Definitions(SourcesFileOptions file, IReadOnlyCollection<string> channels, out string? error)
    {
        ArgumentNullException.ThrowIfNull(file);
        var sources = new List<SourceDefinition>();
        for (var i = 0; i < file.Definitions.Count; i++)
        {
            var request = file.Definitions[i];
            var source = SourceValidator.Validate(request.Id ?? string.Empty, request, channels, null, out var field, out var message);
            if (source is null)
            {
                error = $"{SourcesFileOptions.Section}:Definitions:{i}:{field}: {message}";
                return [];
            }

            if (sources.FindIndex(s => s.Id == source.Id) is var first and >= 0)
            {
                // Only the first would be added: the second entry would be ignored without a word.
                error = $"{SourcesFileOptions.Section}:Definitions:{i}:id: id '{source.Id}' is already used by Definitions:{first}.";
                return [];
            }

            sources.Add(source);
        }

        error = null;
        return [.. sources];
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sources = Definitions(options.Value, channels.Value.Channels, out _); // validated at start (AddPulseSourcesHost)
        if (sources.Length == 0)
        {
            return;
        }

        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(started.SetResult))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        var added = await grains.GetGrain<ISourceCatalogGrain>(ISourceCatalogGrain.Key).AddMissingAsync(sources);
        LogSeeded(added, sources.Length);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Added {Added} of {Total} sources from the configuration")]
    private partial void LogSeeded(int added, int total);
}
