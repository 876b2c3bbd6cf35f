using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pulse.Silo.Tests.Auth;
using Pulse.Silo.Tests.Functional;

namespace Pulse.Silo.Tests.Archive;

/// <summary><c>/api/brands/{id}/annotations</c> against a real PostgreSQL archive.</summary>
[Trait("Category", "Slow")]
[Collection(ArchiveHostCollection.Name)]
public sealed class AnnotationsTests(ArchiveHostFixture fixture)
{
    private RunningHost Host => fixture.Host;

    [Fact]
    public async Task An_annotation_is_recorded_listed_by_time_and_deleted()
    {
        await AddBrandAsync("anno-a");
        var launch = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
        var created = await Host.Http.PostAsJsonAsync("/api/brands/anno-a/annotations", new
        {
            title = "<b>Winter campaign</b> launch",
            kind = "campaign",
            at = launch,
            endsAt = launch.AddDays(14),
            note = "TV and social",
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var annotation = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("campaign", annotation.GetProperty("kind").GetString());
        Assert.Equal("<b>Winter campaign</b> launch", annotation.GetProperty("title").GetString());
        Assert.False(string.IsNullOrEmpty(annotation.GetProperty("createdBy").GetString()));
        var id = annotation.GetProperty("id").GetInt64();
        Assert.Equal($"/api/brands/anno-a/annotations/{id}", created.Headers.Location?.OriginalString);

        (await Host.Http.PostAsJsonAsync("/api/brands/anno-a/annotations", new { title = "Outage", kind = "outage", at = launch.AddDays(30) })).EnsureSuccessStatusCode();

        // A range lists what overlaps it: the campaign runs into November's second half, the outage is in December.
        Assert.Equal(["<b>Winter campaign</b> launch"], await TitlesAsync("anno-a", "from=2026-11-10&to=2026-11-20"));
        Assert.Equal(["<b>Winter campaign</b> launch", "Outage"], await TitlesAsync("anno-a", "from=2026-10-01&to=2026-12-31"));

        Assert.Equal(HttpStatusCode.NoContent, (await Host.Http.DeleteAsync($"/api/brands/anno-a/annotations/{id}")).StatusCode);
        Assert.Equal(["Outage"], await TitlesAsync("anno-a", "from=2026-10-01&to=2026-12-31"));
        await ProblemAssert.IsAsync(await Host.Http.DeleteAsync($"/api/brands/anno-a/annotations/{id}"), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{"kind":"campaign","at":"2026-11-02T09:00:00Z"}""", "title")]
    [InlineData("""{"title":"x","kind":"party","at":"2026-11-02T09:00:00Z"}""", "kind")]
    [InlineData("""{"title":"x"}""", "at")]
    [InlineData("""{"title":"x","at":"2026-11-02T09:00:00Z","endsAt":"2026-11-01T09:00:00Z"}""", "endsAt")]
    [InlineData("""{"title":"line\nbreak","at":"2026-11-02T09:00:00Z"}""", "title")]
    public async Task Bad_annotations_get_400_naming_the_field(string body, string field)
    {
        await AddBrandAsync("anno-b");

        var response = await Host.Http.PostAsync("/api/brands/anno-b/annotations", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(field, problem.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Another_teams_brand_has_no_annotations_to_see_or_add()
    {
        await AddBrandAsync("anno-c");
        var created = await Host.Http.PostAsJsonAsync("/api/keys", new { name = "anno-team", role = "responder", brands = new[] { "anno-other" } });
        created.EnsureSuccessStatusCode();
        using var team = new HttpClient { BaseAddress = Host.BaseAddress };
        TestCaller.Authorize(team, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!);

        await ProblemAssert.IsAsync(await team.GetAsync("/api/brands/anno-c/annotations"), HttpStatusCode.NotFound);
        await ProblemAssert.IsAsync(
            await team.PostAsJsonAsync("/api/brands/anno-c/annotations", new { title = "x", at = DateTimeOffset.UtcNow }), HttpStatusCode.NotFound);
    }

    private async Task AddBrandAsync(string id) =>
        (await Host.Http.PutAsJsonAsync($"/api/brands/{id}", new { name = id, keywords = new[] { id } })).EnsureSuccessStatusCode();

    private async Task<string[]> TitlesAsync(string brand, string range) =>
        (await Host.Http.GetFromJsonAsync<JsonElement>($"/api/brands/{brand}/annotations?{range}"))
            .EnumerateArray().Select(a => a.GetProperty("title").GetString()!).ToArray();
}
