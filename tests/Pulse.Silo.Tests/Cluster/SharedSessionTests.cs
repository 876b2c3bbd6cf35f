using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pulse.Silo.Auth.SignIn;
using Pulse.Silo.Tests.Functional;
using Pulse.Testing;
using StackExchange.Redis;

namespace Pulse.Silo.Tests.Cluster;

/// <summary>Behind a load balancer a browser meets several hosts: a session made on one is good on the others.</summary>
public sealed class SharedSessionTests
{
    private const string ClusterId = "shared-session";

    [Trait("Category", "Slow")]
    [Fact]
    public async Task A_session_signed_in_on_one_host_is_recognised_by_another_and_the_key_ring_is_in_redis()
    {
        await using var redis = await RedisServer.StartAsync();
        var hosts = new ClusterHosts(redis, ClusterId);
        await using var silo = await hosts.StartSiloAsync();
        await using var dashboard = await hosts.StartDashboardOnlyAsync();
        var created = await silo.Http.PostAsJsonAsync("/api/users", new { name = "nina", password = "a long enough passphrase", role = "viewer" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var cookies = new CookieContainer();
        using var onSilo = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = silo.BaseAddress };
        using var onDashboard = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = dashboard.BaseAddress };

        Assert.Equal(HttpStatusCode.NoContent, (await onSilo.PostAsJsonAsync(SignInApi.Login, new { name = "nina", password = "a long enough passphrase" })).StatusCode);
        var me = await onDashboard.GetAsync(SignInApi.Me);

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal("nina", (await me.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString());
        await using var mux = await ConnectionMultiplexer.ConnectAsync(redis.Endpoint);
        Assert.True(await mux.GetDatabase().ListLengthAsync(ClusterId + ":dataprotection-keys") >= 1);
    }
}
