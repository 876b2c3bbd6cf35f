using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Pulse.Testing;

namespace Pulse.Silo.Tests.Functional;

/// <summary>POST /api/mentions over real HTTP, read back through the stats API.</summary>
[Collection(PulseHostCollection.Name)]
public sealed class IngestApiTests(PulseHostFixture host)
{
    [Fact]
    public async Task Ndjson_batch_is_accepted_and_counted_in_the_brand_stats()
    {
        var brand = await host.AddBrandAsync("api-ndjson", "ndjsonbrand");
        var body = string.Join('\n',
            """{"id":"n1","channel":"x","text":"ndjsonbrand is great"}""",
            """{"id":"n2","channel":"mastodon","text":"ndjsonbrand is awful","likes":7}""");

        var response = await host.Http.PostAsync("/api/mentions", new StringContent(body, Encoding.UTF8, "application/x-ndjson"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accepted").GetInt32());
        var stats = await StatsWhenAsync(brand, total => total.GetProperty("count").GetInt64() == 2);
        Assert.Equal(7, stats.GetProperty("total").GetProperty("likes").GetInt64());
    }

    [Fact]
    public async Task Bad_lines_get_problem_details_while_the_valid_lines_of_the_batch_are_kept()
    {
        var brand = await host.AddBrandAsync("api-partial", "partialbrand");
        var body = string.Join('\n',
            """{"id":"p1","channel":"x","text":"partialbrand ok"}""",
            """{"id":"p2","channel":"nowhere","text":"partialbrand bad channel"}""",
            """{"id":"p3","channel":"x","text":"partialbrand","likes":"many"}""",
            """{not json""",
            """{"id":"p5","channel":"reddit","text":"partialbrand also ok"}""");

        var response = await host.Http.PostAsync("/api/mentions", new StringContent(body, Encoding.UTF8, "application/x-ndjson"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal([2, 3, 4], errors.Select(e => e.GetProperty("line").GetInt32()));
        Assert.Contains(errors, e => e.GetProperty("field").GetString() == "channel");
        Assert.Contains(errors, e => e.GetProperty("field").GetString() == "likes");
        Assert.Equal(2, problem.GetProperty("accepted").GetInt32());
        await StatsWhenAsync(brand, total => total.GetProperty("count").GetInt64() == 2);
    }

    [Fact]
    public async Task A_json_array_is_accepted()
    {
        var brand = await host.AddBrandAsync("api-array", "arraybrand");
        var response = await host.Http.PostAsJsonAsync("/api/mentions", new[]
        {
            new { id = "arr1", channel = "news", text = "arraybrand headline" },
            new { id = "arr2", channel = "blogs", text = "arraybrand review" },
        });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await StatsWhenAsync(brand, total => total.GetProperty("count").GetInt64() == 2);
    }

    [Fact]
    public async Task Unknown_window_is_a_problem_naming_the_parameter()
    {
        await host.AddBrandAsync("api-window", "windowbrand");

        var response = await host.Http.GetAsync("/api/brands/api-window/stats?window=7m");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("window", problem.GetProperty("parameter").GetString());
    }

    private async Task<JsonElement> StatsWhenAsync(string brand, Func<JsonElement, bool> totalDone)
    {
        var stats = await Eventually.GetAsync(
            () => host.Http.GetFromJsonAsync<JsonElement>($"/api/brands/{brand}/stats?window=5m"),
            s => totalDone(s.GetProperty("total")));
        Assert.True(totalDone(stats.GetProperty("total")), $"stats never reached the expected state: {stats}");
        return stats;
    }
}
