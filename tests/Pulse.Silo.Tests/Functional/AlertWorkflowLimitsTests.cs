using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Orleans;
using Orleans.Runtime;
using Pulse.Grains.Alerts;
using Pulse.Silo.Auth;
using Pulse.Silo.Auth.Keys;

namespace Pulse.Silo.Tests.Functional;

/// <summary>
/// The alert workflow over HTTP under repetition and hostile input: a repeated acknowledge or resolve changes nothing,
/// notes have a length limit, and ids of brands that do not exist activate no grain.
/// </summary>
[Collection(PulseHostCollection.Name)]
public sealed class AlertWorkflowLimitsTests(PulseHostFixture host)
{
    [Fact]
    public async Task A_repeated_acknowledge_or_resolve_answers_the_alert_unchanged_and_records_nothing()
    {
        var id = await OpenAlertAsync("limits-repeat", "limitsrepeat");

        var first = await ActAsync(id, "ack", new { by = "anna", note = "on it" });
        var again = await ActAsync(id, "ack", new { by = "ben", note = "me too" });
        var resolved = await ActAsync(id, "resolve", new { by = "anna" });
        var resolvedAgain = await ActAsync(id, "resolve", new { by = "ben" });
        var ackAfterResolve = await host.Http.PostAsJsonAsync($"/api/alerts/{id}/ack", new { by = "carl" });

        Assert.Equal("acknowledged", first.GetProperty("state").GetString());
        Assert.Equal(first.GetProperty("updatedAt").GetString(), again.GetProperty("updatedAt").GetString());
        Assert.Equal("resolved", resolvedAgain.GetProperty("state").GetString());
        Assert.Equal(resolved.GetProperty("updatedAt").GetString(), resolvedAgain.GetProperty("updatedAt").GetString());
        Assert.Equal(HttpStatusCode.Conflict, ackAfterResolve.StatusCode);
        // Every act is by the caller (the tests' admin key); the bodies' "by" are ignored, the repeats' notes not recorded.
        var history = (await host.LatestAlertAsync("limits-repeat")).GetProperty("history").EnumerateArray()
            .Select(h => (h.GetProperty("action").GetString(), h.GetProperty("by").GetString(), h.GetProperty("note").GetString())).ToArray();
        var admin = CallerNames.KeyPrefix + BootstrapAdminKey.Name;
        Assert.Equal([("acknowledge", admin, "on it"), ("resolve", admin, null)], history);
    }

    [Fact]
    public async Task A_note_past_the_limit_is_a_400_problem_naming_the_limit_and_changes_nothing()
    {
        var id = await OpenAlertAsync("limits-note", "limitsnote");

        var response = await host.Http.PostAsJsonAsync($"/api/alerts/{id}/ack", new { by = "anna", note = new string('x', AlertHistory.MaxNoteLength + 1) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("note", problem.GetProperty("parameter").GetString());
        Assert.Contains($"at most {AlertHistory.MaxNoteLength} characters", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var alert = await host.LatestAlertAsync("limits-note");
        Assert.Equal("open", alert.GetProperty("state").GetString());
        Assert.Empty(alert.GetProperty("history").EnumerateArray());
        (await host.Http.PostAsJsonAsync($"/api/alerts/{id}/ack", new { by = "anna", note = new string('x', AlertHistory.MaxNoteLength) })).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Unknown_brands_are_404_everywhere_and_activate_no_alerts_grain()
    {
        string[] ghosts = ["ghost-ack", "ghost-resolve", "ghost-list", "ghost-settings"];
        await OpenAlertAsync("limits-real", "limitsreal"); // one alerts grain that is active, so the query below sees the type

        var answers = new[]
        {
            await host.Http.PostAsJsonAsync("/api/alerts/ghost-ack:1/ack", new { by = "anna" }),
            await host.Http.PostAsJsonAsync("/api/alerts/ghost-resolve:7/resolve", new { by = "anna" }),
            await host.Http.GetAsync("/api/alerts?brand=ghost-list"),
            await host.Http.GetAsync("/api/brands/ghost-settings/alert-settings"),
        };

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.NotFound, a.StatusCode));
        var type = host.Grains.GetGrain<IBrandAlertsGrain>(ghosts[0]).GetGrainId().Type;
        var active = await host.Grains.GetGrain<IManagementGrain>(0).GetActiveGrains(type);
        Assert.Contains(active, g => g.Key.ToString() == "limits-real");
        Assert.DoesNotContain(active, g => ghosts.Contains(g.Key.ToString()));
    }

    [Fact]
    public async Task An_unknown_alert_of_a_known_brand_is_404()
    {
        await host.AddBrandAsync("limits-known", "limitsknown");

        var response = await host.Http.PostAsJsonAsync("/api/alerts/limits-known:999/resolve", new { by = "anna" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<string> OpenAlertAsync(string brand, string keyword)
    {
        await host.AddBrandAsync(brand, keyword);
        await host.SignalSpikeAsync(brand);
        return (await host.LatestAlertAsync(brand)).GetProperty("id").GetString()!;
    }

    private async Task<JsonElement> ActAsync(string id, string action, object body)
    {
        var response = await host.Http.PostAsJsonAsync($"/api/alerts/{id}/{action}", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
