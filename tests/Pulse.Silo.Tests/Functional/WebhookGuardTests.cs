using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pulse.Testing;

namespace Pulse.Silo.Tests.Functional;

/// <summary>Without Pulse:Outbound:AllowPrivateNetworks, a brand cannot make the silo call its own network.</summary>
public sealed class WebhookGuardTests(GuardedPulseHostFixture host) : IClassFixture<GuardedPulseHostFixture>
{
    [Theory]
    [InlineData("http://127.0.0.1:{0}/hook", "loopback")]
    [InlineData("http://[::1]:{0}/hook", "loopback")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "link-local")]
    [InlineData("http://10.0.0.5:{0}/hook", "private network")]
    public async Task A_literal_internal_address_is_refused_when_saved(string template, string reason)
    {
        var brand = await host.AddBrandAsync("guard-literal", "guardliteral");
        await using var receiver = await AlertWebhookReceiver.StartAsync(failures: 0);
        var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, receiver.BaseAddress.Port);

        var response = await host.Http.PutAsJsonAsync($"/api/brands/{brand}/alert-settings", new { webhooks = new[] { new { url, format = "json" } } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("webhooks[0].url", problem.GetProperty("parameter").GetString());
        Assert.Contains(reason, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_name_resolving_to_loopback_is_refused_when_delivering_and_the_failure_shows_on_the_alert()
    {
        var brand = await host.AddBrandAsync("guard-localhost", "guardlocalhost");
        await using var receiver = await AlertWebhookReceiver.StartAsync(failures: 0);
        var url = $"http://localhost:{receiver.BaseAddress.Port}/hook";
        (await host.Http.PutAsJsonAsync($"/api/brands/{brand}/alert-settings", new { webhooks = new[] { new { url, format = "json" } } })).EnsureSuccessStatusCode();

        await host.SignalSpikeAsync(brand);

        var alert = await Eventually.GetAsync(() => host.LatestAlertAsync(brand), a => Delivery(a).GetProperty("status").GetString() == "failed");
        var delivery = Delivery(alert);
        Assert.Equal(1, delivery.GetProperty("attempts").GetInt32());
        Assert.Equal(JsonValueKind.Null, delivery.GetProperty("statusCode").ValueKind);
        Assert.Contains("loopback", delivery.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty(receiver.Received);
    }

    private static JsonElement Delivery(JsonElement alert) => alert.GetProperty("deliveries")[0];
}
