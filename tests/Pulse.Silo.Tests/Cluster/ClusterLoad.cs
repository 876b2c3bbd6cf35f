using Pulse.Silo.Tests.Functional;
using System.Diagnostics;
using System.Net;
using System.Text;

namespace Pulse.Silo.Tests.Cluster;

/// <summary>
/// Drives mentions into several `pulse` hosts at a target rate, like a producer would: NDJSON batches spread over the
/// hosts; a batch that fails (host killed mid-request, 503) is sent again, to another host, until it gets its 202.
/// Every mention has a fresh id and is counted once, when its batch was accepted.
/// </summary>
public sealed class ClusterLoad(IReadOnlyList<PulseProcess> hosts, string[] brands, int batchSize = 500)
{
    private static readonly string[] Channels = ["x", "bluesky", "reddit", "news"];
    private long _accepted;
    private long _retries;
    private long _next;

    public long Accepted => Interlocked.Read(ref _accepted);

    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>Mentions accepted per brand (each mention names exactly one brand in its text).</summary>
    public Dictionary<string, long> AcceptedByBrand { get; } = brands.ToDictionary(b => b, _ => 0L);

    /// <summary>
    /// Sends at about <paramref name="perSecond"/> mentions/s with <paramref name="workers"/> requests in flight until
    /// cancelled, or until <paramref name="total"/> mentions (a multiple of the batch size) were accepted.
    /// </summary>
    public async Task RunAsync(int perSecond, int workers, CancellationToken stop, long? total = null)
    {
        using var http = TestCaller.Http(timeout: TimeSpan.FromSeconds(30));
        var clock = Stopwatch.StartNew();
        long sent = 0;
        var tasks = Enumerable.Range(0, workers).Select(async w =>
        {
            var hostIndex = w;
            while (!stop.IsCancellationRequested)
            {
                // Pace: the batch may go once the schedule has room for it.
                var scheduled = Interlocked.Add(ref sent, batchSize);
                if (scheduled > total)
                {
                    return;
                }

                var due = TimeSpan.FromSeconds((double)scheduled / perSecond);
                var wait = due - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    try
                    {
                        await Task.Delay(wait, stop);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }

                var (body, perBrand) = NextBatch();
                while (true)
                {
                    var host = hosts[hostIndex++ % hosts.Count];
                    if (!host.IsRunning)
                    {
                        continue;
                    }

                    if (await TrySendAsync(http, host, body))
                    {
                        Interlocked.Add(ref _accepted, batchSize);
                        lock (AcceptedByBrand)
                        {
                            foreach (var (brand, n) in perBrand)
                            {
                                AcceptedByBrand[brand] += n;
                            }
                        }

                        break;
                    }

                    // Not accepted: the same mentions (same ids) again, elsewhere; never dropped, even when stopping.
                    Interlocked.Increment(ref _retries);
                    await Task.Delay(100, CancellationToken.None);
                }
            }
        }).ToArray();
        await Task.WhenAll(tasks);
    }

    private static async Task<bool> TrySendAsync(HttpClient http, PulseProcess host, byte[] body)
    {
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

    private (byte[] Body, Dictionary<string, int> PerBrand) NextBatch()
    {
        var perBrand = new Dictionary<string, int>();
        var sb = new StringBuilder(batchSize * 120);
        for (var i = 0; i < batchSize; i++)
        {
            var n = Interlocked.Increment(ref _next);
            var brand = brands[n % brands.Length];
            var channel = Channels[n / brands.Length % Channels.Length];
            perBrand[brand] = perBrand.GetValueOrDefault(brand) + 1;
            sb.Append("{\"id\":\"k").Append(n).Append("\",\"channel\":\"").Append(channel)
              .Append("\",\"text\":\"Just tried ").Append(brand).Append(" today, really good\",\"likes\":").Append(n % 7).Append("}\n");
        }

        return (Encoding.UTF8.GetBytes(sb.ToString()), perBrand);
    }
}
