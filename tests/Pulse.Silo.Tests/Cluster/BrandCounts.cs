using Pulse.Silo.Tests.Functional;
using System.Net.Http.Json;
using System.Text.Json;

namespace Pulse.Silo.Tests.Cluster;

/// <summary>Creating test brands and reading their counts back through a host's HTTP API.</summary>
internal static class BrandCounts
{
    public static async Task AddAsync(Uri host, IEnumerable<string> brands)
    {
        using var http = TestCaller.Http(host);
        foreach (var brand in brands)
        {
            (await http.PutAsJsonAsync($"/api/brands/{brand}", new { name = brand, keywords = new[] { brand } })).EnsureSuccessStatusCode();
        }
    }

    /// <summary>Each brand's count over the last hour (-1 when the host did not answer).</summary>
    public static async Task<Dictionary<string, long>> ReadAsync(HttpClient client, IEnumerable<string> brands)
    {
        var counts = new Dictionary<string, long>();
        foreach (var brand in brands)
        {
            try
            {
                using var doc = JsonDocument.Parse(await client.GetStringAsync($"/api/brands/{brand}/stats?window=1h"));
                counts[brand] = doc.RootElement.GetProperty("total").GetProperty("count").GetInt64();
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // A request that timed out (HttpClient.Timeout) did not answer either: the caller polls again.
                counts[brand] = -1;
            }
        }

        return counts;
    }
}
