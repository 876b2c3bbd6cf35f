using Pulse.Silo.Tests.Functional;
using System.Diagnostics;
using System.Net;
using System.Text;

namespace Pulse.Silo.Tests.Cluster;

/// <summary>
/// A steady stream for live detection: every second one batch with each brand's mentions of that second on one channel,
/// posted to a live host; a failed post goes to the next host with the same ids until one accepts it. A test raises a
/// brand's rate for a spike (<see cref="SetRateAsync"/>). Mentions carry no timestamp: the host stamps them on arrival.
/// </summary>
internal sealed class SteadyBrandLoad(IReadOnlyList<PulseProcess> hosts, IReadOnlyList<string> brands, int perSecond, string channel = "x")
{
    private readonly Dictionary<string, int> _rates = brands.ToDictionary(b => b, _ => perSecond);
    private readonly List<(string Brand, int Rate, TaskCompletionSource<DateTimeOffset> Accepted)> _changes = [];
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _next;
    private long _accepted;

    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>
    /// <paramref name="brand"/> gets <paramref name="rate"/> mentions a second from a batch that goes out at once (the
    /// cadence restarts from it, so the change starts when the test says); completes with the time that batch was accepted.
    /// </summary>
    public Task<DateTimeOffset> SetRateAsync(string brand, int rate)
    {
        var accepted = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_rates)
        {
            _rates[brand] = rate;
            _changes.Add((brand, rate, accepted));
            _wake.TrySetResult();
        }

        return accepted.Task;
    }

    /// <summary>Posts a batch a second until <paramref name="stop"/>; a second that could not go out on time goes out at once after.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        using var http = TestCaller.Http(timeout: TimeSpan.FromSeconds(10));
        var clock = Stopwatch.StartNew();
        var host = 0;
        var next = TimeSpan.Zero;
        while (!stop.IsCancellationRequested)
        {
            var (body, count, changes) = NextBatch();
            while (!await TrySendAsync(http, hosts[host % hosts.Count], body))
            {
                host++; // the same mentions, elsewhere
                if (stop.IsCancellationRequested)
                {
                    return;
                }

                await Task.Delay(100, CancellationToken.None);
            }

            Interlocked.Add(ref _accepted, count);
            host++; // spread over the hosts, as producers behind a load balancer would
            foreach (var change in changes)
            {
                change.TrySetResult(DateTimeOffset.UtcNow);
            }

            next += TimeSpan.FromSeconds(1);
            var wait = next - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                Task wake;
                lock (_rates)
                {
                    wake = _wake.Task;
                }

                if (await Task.WhenAny(wake, Task.Delay(wait, stop)) == wake)
                {
                    next = clock.Elapsed;
                    lock (_rates)
                    {
                        _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
                    }
                }
            }
        }
    }

    private static async Task<bool> TrySendAsync(HttpClient http, PulseProcess host, byte[] body)
    {
        if (!host.IsRunning)
        {
            return false;
        }

        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new("application/x-ndjson");
            using var response = await http.PostAsync(new Uri(host.BaseAddress, "/api/mentions"), content);
            return response.StatusCode == HttpStatusCode.Accepted;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            return false;
        }
    }

    private (byte[] Body, int Count, List<TaskCompletionSource<DateTimeOffset>> Changes) NextBatch()
    {
        var sb = new StringBuilder();
        var count = 0;
        List<TaskCompletionSource<DateTimeOffset>> changes;
        lock (_rates)
        {
            foreach (var brand in brands)
            {
                for (var i = 0; i < _rates[brand]; i++, count++)
                {
                    sb.Append("{\"id\":\"s").Append(_next++).Append("\",\"channel\":\"").Append(channel)
                      .Append("\",\"text\":\"Just tried ").Append(brand).Append(" today, really good\"}\n");
                }
            }

            changes = [.. _changes.Select(c => c.Accepted)];
            _changes.Clear();
        }

        return (Encoding.UTF8.GetBytes(sb.ToString()), count, changes);
    }
}
