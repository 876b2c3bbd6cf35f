using Microsoft.Extensions.DependencyInjection;
using Pulse.Sources.Connecting;

namespace Pulse.Silo.Tests.Sources;

/// <summary>
/// Keeps the host's RSS connector as the executable wires it, and swaps the Jetstream and Mastodon connectors for ones that
/// connect nowhere: a jetstream source without a url defaults to Bluesky's public endpoint, and tests never reach the internet.
/// </summary>
internal static class OfflineConnectors
{
    public static void Use(IServiceCollection services)
    {
        var registered = services.Where(d => d.ServiceType == typeof(ISourceConnector)).ToList();
        foreach (var descriptor in registered)
        {
            services.Remove(descriptor);
            services.AddSingleton<ISourceConnector>(sp =>
            {
                var real = Create(sp, descriptor);
                return real.Kind == SourceKind.Rss ? real : new Offline(real.Kind);
            });
        }
    }

    private static ISourceConnector Create(IServiceProvider services, ServiceDescriptor descriptor) =>
        descriptor.ImplementationInstance as ISourceConnector
        ?? (descriptor.ImplementationFactory is { } factory
            ? (ISourceConnector)factory(services)
            : (ISourceConnector)ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));

    /// <summary>Says it is connecting and waits to be stopped.</summary>
    private sealed class Offline(SourceKind kind) : ISourceConnector
    {
        public SourceKind Kind => kind;

        public async Task RunAsync(SourceDefinition source, string? cursor, ISourceSink sink, CancellationToken cancellationToken)
        {
            sink.StateChanged(SourceState.Connecting);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // stopped
            }
        }
    }
}
