using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pulse.Grains.Alerts;

namespace Pulse.Silo.Tests.Functional;

[Collection(PulseHostCollection.Name)]
public sealed class AlertsApiTests(PulseHostFixture host)
{
    [Fact]
    public async Task Acknowledging_without_saying_who_is_no_problem_since_the_caller_is_who()
    {
        var response = await host.Http.PostAsJsonAsync("/api/alerts/some-brand:1/ack", new { note = "x" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode); // not 400 naming "by": there is no such brand
    }

    [Fact]
    public async Task Acknowledging_an_unknown_alert_is_not_found()
    {
        var response = await host.Http.PostAsJsonAsync("/api/alerts/some-brand:12345/ack", new { by = "anna" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Kinds_and_states_are_the_contracts_lowercase_names_and_filter_by_them()
    {
        var brand = await host.AddBrandAsync("api-wire", "apiwire");
        var why = new AlertWhy([], [], new SentimentSplit(0, 0, 9), [new ChannelCount("x", 9)]);
        await host.Grains.GetGrain<IBrandAlertsGrain>(brand).SignalAsync(new AlertSignal(brand, "x", AlertKind.NegativeShift, 4, DateTimeOffset.UtcNow, 0.6, 0.1, why));
        var id = (await host.LatestAlertAsync(brand)).GetProperty("id").GetString();

        (await host.Http.PostAsJsonAsync($"/api/alerts/{id}/ack", new { by = "anna" })).EnsureSuccessStatusCode();

        var alert = await host.LatestAlertAsync(brand);
        Assert.Equal(("negative-shift", "acknowledged"), (alert.GetProperty("kind").GetString(), alert.GetProperty("state").GetString()));
        Assert.Single((await host.Http.GetFromJsonAsync<JsonElement>($"/api/alerts?brand={brand}&state=acknowledged")).EnumerateArray());
        Assert.Empty((await host.Http.GetFromJsonAsync<JsonElement>($"/api/alerts?brand={brand}&state=open")).EnumerateArray());
    }

    [Fact]
    public async Task An_unknown_state_filter_is_rejected()
    {
        var response = await host.Http.GetAsync("/api/alerts?state=maybe");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
