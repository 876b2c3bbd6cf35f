using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Pulse.Load;

/// <summary>
/// Listens on <c>/hubs/pulse</c> like a browser with the probe brands' views open, and tells the tracker when a
/// <c>channelSnapshots</c> message first lists a probe in <c>latest</c>.
/// </summary>
internal sealed class ProbeListener : IAsyncDisposable
{
    /// <summary>Pulse's hub (<c>DashboardExtensions.HubPath</c> in Pulse.Dashboard), as a browser finds it.</summary>
    public const string HubPath = "/hubs/pulse";

    private readonly HubConnection _connection;
    private readonly IReadOnlyList<LoadBrand> _brands;

    private ProbeListener(HubConnection connection, IReadOnlyList<LoadBrand> brands)
    {
        _connection = connection;
        _brands = brands;
    }

    public static async Task<ProbeListener> ConnectAsync(
        Uri host, string? key, IReadOnlyList<LoadBrand> probeBrands, ProbeTracker tracker, TimeProvider time, CancellationToken cancellationToken)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(host, HubPath), o => o.AccessTokenProvider = () => Task.FromResult(key))
            .WithAutomaticReconnect()
            .Build();
        connection.On<JsonElement[]>("channelSnapshots", snapshots =>
        {
            var now = time.GetTimestamp();
            foreach (var snapshot in snapshots)
            {
                if (snapshot.TryGetProperty("latest", out var latest) && latest.ValueKind == JsonValueKind.Array)
                {
                    foreach (var mention in latest.EnumerateArray())
                    {
                        if (mention.TryGetProperty("id", out var id) && id.GetString() is { } text)
                        {
                            tracker.Observe(text, now);
                        }
                    }
                }
            }
        });
        var listener = new ProbeListener(connection, probeBrands);
        connection.Reconnected += _ => listener.SubscribeAsync(CancellationToken.None); // groups are per connection
        await connection.StartAsync(cancellationToken).ConfigureAwait(false);
        await listener.SubscribeAsync(cancellationToken).ConfigureAwait(false);
        return listener;
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private async Task SubscribeAsync(CancellationToken cancellationToken)
    {
        foreach (var brand in _brands)
        {
            await _connection.InvokeAsync("SubscribeBrand", brand.Id, cancellationToken).ConfigureAwait(false);
        }
    }
}
