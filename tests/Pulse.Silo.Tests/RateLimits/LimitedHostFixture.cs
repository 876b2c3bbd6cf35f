using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Pulse.Grains.Mentions;
using Pulse.Silo.Auth;
using Pulse.Silo.Auth.Keys;
using Pulse.Silo.Tests.Functional;
using Pulse.Testing;

namespace Pulse.Silo.Tests.RateLimits;

/// <summary>
/// A real host with tiny limits: 3 ingest requests and 2 writes per client before the buckets refill (a minute later, so
/// never within a test), one ingest request at a time and none queued. Its ingestor holds mentions whose id starts with
/// "hold" until <see cref="Release"/>, so a test can keep the one ingest slot busy.
/// </summary>
public sealed class LimitedHostFixture : IAsyncLifetime
{
    private readonly HoldingIngestor _ingestor = new();

    public RunningHost Host { get; private set; } = null!;

    public Task Held => _ingestor.Held.Task;

    public void Release() => _ingestor.Release.TrySetResult();

    public async Task InitializeAsync() =>
        Host = await RunningHost.StartAsync(
            [
                $"--silo-port={FreePort.Next()}", $"--gateway-port={FreePort.Next()}",
                "--Pulse:RateLimits:ReplenishmentPeriod=00:01:00",
                "--Pulse:RateLimits:IngestRequestsPerSecond=1", "--Pulse:RateLimits:IngestBurst=3",
                "--Pulse:RateLimits:WritesPerSecond=1", "--Pulse:RateLimits:WritesBurst=2",
                "--Pulse:RateLimits:IngestConcurrency=1", "--Pulse:RateLimits:IngestQueue=0",
            ],
            builder => builder.Services.AddSingleton<IMentionIngestor>(_ingestor));

    /// <summary>A new admin key of this host, put straight into its store (creating it over HTTP would spend a write).</summary>
    public async Task<string> NewKeyAsync()
    {
        var secret = ApiKeySecret.New();
        var store = Host.Services.GetRequiredService<IApiKeyStore>();
        await store.AddAsync(new StoredApiKey(ApiKeySecret.NewId(), "limited", PulseRole.Admin, ApiKeySecret.Hash(secret), DateTimeOffset.UtcNow));
        return secret;
    }

    /// <summary>A client with a key of its own, so the host counts it apart from every other.</summary>
    public async Task<HttpClient> NewClientAsync(string source = "127.0.0.1") => ClientFrom(source, await NewKeyAsync());

    /// <summary>
    /// A client sending <paramref name="key"/> whose requests come from <paramref name="source"/> (any 127.x.y.z is this
    /// machine's loopback on Linux).
    /// </summary>
    public HttpClient ClientFrom(string source, string key)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(source), 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        var http = new HttpClient(handler) { BaseAddress = Host.BaseAddress };
        TestCaller.Authorize(http, key);
        return http;
    }

    public async Task DisposeAsync()
    {
        Release();
        await Host.DisposeAsync();
    }

    private sealed class HoldingIngestor : IMentionIngestor
    {
        public TaskCompletionSource Held { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<IngestOutcome> IngestAsync(IReadOnlyList<Mention> mentions, CancellationToken cancellationToken = default)
        {
            if (mentions.Any(m => m.Id.StartsWith("hold", StringComparison.Ordinal)))
            {
                Held.TrySetResult();
                await Release.Task.WaitAsync(cancellationToken);
            }

            return new IngestOutcome(mentions.Count, []);
        }
    }
}
