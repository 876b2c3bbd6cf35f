using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Pulse.Silo.Tests.Functional;

[Collection(PulseHostCollection.Name)]
public sealed class AlertsApiTests(PulseHostFixture host)
{
    [Fact]
    public async Task Acknowledging_without_saying_who_is_a_problem_naming_by()
    {
        var response = await host.Http.PostAsJsonAsync("/api/alerts/some-brand:1/ack", new { note = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("by", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Acknowledging_an_unknown_alert_is_not_found()
    {
        var response = await host.Http.PostAsJsonAsync("/api/alerts/some-brand:12345/ack", new { by = "anna" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_state_filter_is_rejected()
    {
        var response = await host.Http.GetAsync("/api/alerts?state=maybe");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
