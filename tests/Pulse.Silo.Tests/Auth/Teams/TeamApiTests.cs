using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Pulse.Silo.Auth.Keys;
using Pulse.Silo.Auth.Users;
using Pulse.Silo.Tests.Auth.SignIn;
using Pulse.Silo.Tests.Functional;

namespace Pulse.Silo.Tests.Auth.Teams;

/// <summary>
/// Teams over real HTTP and the hub: keys take brands, lists answer within the caller's team, a team-limited admin
/// cannot hand out more than its team, and a team's live overview carries only its brands. Brands here are "teams-*".
/// </summary>
[Collection(AuthHostCollection.Name)]
public sealed class TeamApiTests(AuthHostFixture fixture)
{
    private const string Password = "a long enough passphrase";

    [Fact]
    public async Task A_key_takes_brands_which_are_stored_listed_and_validated()
    {
        using var admin = fixture.Client(TestCaller.AdminKey);

        var created = await admin.PostAsJsonAsync(ApiKeysApi.Route, new { name = "teams-grafana", role = "viewer", brands = new[] { " teams-a ", "teams-a", "teams-b" } });
        var badId = await admin.PostAsJsonAsync(ApiKeysApi.Route, new { name = "teams-bad", role = "viewer", brands = new[] { "Not A Brand" } });
        var ingest = await admin.PostAsJsonAsync(ApiKeysApi.Route, new { name = "teams-collector", role = "ingest", brands = new[] { "teams-a" } });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var key = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = key.GetProperty("id").GetString();
        Assert.Equal(["teams-a", "teams-b"], key.GetProperty("brands").EnumerateArray().Select(b => b.GetString()));
        var listed = (await admin.GetFromJsonAsync<JsonElement>(ApiKeysApi.Route)).EnumerateArray().Single(k => k.GetProperty("id").GetString() == id);
        Assert.Equal(["teams-a", "teams-b"], listed.GetProperty("brands").EnumerateArray().Select(b => b.GetString()));
        Assert.Equal("brands", (await ProblemAssert.IsAsync(badId, HttpStatusCode.BadRequest)).GetProperty("parameter").GetString());
        Assert.Equal("brands", (await ProblemAssert.IsAsync(ingest, HttpStatusCode.BadRequest)).GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task A_team_limited_admin_hands_out_only_its_own_brands_and_sees_only_such_keys_and_accounts()
    {
        var limited = (await fixture.CreateKeyAsync("teams-limited-admin", "admin", ["teams-a", "teams-b"])).GetProperty("key").GetString()!;
        var outsider = (await fixture.CreateKeyAsync("teams-outsider", "viewer", ["teams-c"])).GetProperty("id").GetString();
        using var admin = fixture.Client(limited);

        var unlimitedKey = await admin.PostAsJsonAsync(ApiKeysApi.Route, new { name = "teams-wider", role = "admin" });
        var beyondKey = await admin.PostAsJsonAsync(ApiKeysApi.Route, new { name = "teams-wider", role = "viewer", brands = new[] { "teams-a", "teams-c" } });
        var withinKey = await admin.PostAsJsonAsync(ApiKeysApi.Route, new { name = "teams-within", role = "viewer", brands = new[] { "teams-b" } });
        var unlimitedUser = await admin.PostAsJsonAsync(UsersApi.Route, new { name = "teams-wide", password = Password, role = "admin" });
        var withinUser = await admin.PostAsJsonAsync(UsersApi.Route, new { name = "teams-narrow", password = Password, role = "viewer", brands = new[] { "teams-a" } });

        var problem = await ProblemAssert.IsAsync(unlimitedKey, HttpStatusCode.Forbidden);
        Assert.Equal("brands", problem.GetProperty("parameter").GetString());
        Assert.Contains("teams-a, teams-b", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await ProblemAssert.IsAsync(beyondKey, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Created, withinKey.StatusCode);
        await ProblemAssert.IsAsync(unlimitedUser, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Created, withinUser.StatusCode);

        var keys = (await admin.GetFromJsonAsync<JsonElement>(ApiKeysApi.Route)).EnumerateArray().Select(k => k.GetProperty("name").GetString()).ToArray();
        Assert.Contains("teams-within", keys);
        Assert.Contains("teams-limited-admin", keys);
        Assert.DoesNotContain("teams-outsider", keys);
        Assert.DoesNotContain(keys, k => k!.StartsWith("matrix-", StringComparison.Ordinal)); // every brand's keys
        var users = (await admin.GetFromJsonAsync<JsonElement>(UsersApi.Route)).EnumerateArray().Select(u => u.GetProperty("name").GetString()).ToArray();
        Assert.Equal(["teams-narrow"], users.AsEnumerable());
        await ProblemAssert.IsAsync(await admin.DeleteAsync($"{ApiKeysApi.Route}/{outsider}"), HttpStatusCode.NotFound);
        using var everyBrand = fixture.Client(TestCaller.AdminKey);
        Assert.Contains((await everyBrand.GetFromJsonAsync<JsonElement>(ApiKeysApi.Route)).EnumerateArray(), k => k.GetProperty("id").GetString() == outsider);
    }

    [Fact]
    public async Task Reads_answer_within_the_team_and_share_of_voice_is_among_its_brands()
    {
        foreach (var brand in new[] { "teams-read-a", "teams-read-b", "teams-read-c" })
        {
            await fixture.PutBrandAsync(brand);
        }

        using var everyBrand = fixture.Client(TestCaller.AdminKey);
        var mentions = new[] { ("teamsreada", 3), ("teamsreadb", 1), ("teamsreadc", 4) }
            .SelectMany(m => Enumerable.Range(0, m.Item2).Select(i => new { id = $"{m.Item1}-{i}", channel = "x", text = $"{m.Item1} post {i}" }));
        Assert.Equal(HttpStatusCode.Accepted, (await everyBrand.PostAsJsonAsync("/api/mentions", mentions)).StatusCode);
        await TestAlerts.SignalSpikeAsync(fixture.Host.Grains, "teams-read-a");
        await TestAlerts.SignalSpikeAsync(fixture.Host.Grains, "teams-read-c");
        var viewerKey = (await fixture.CreateKeyAsync("teams-read-viewer", "viewer", ["teams-read-a", "teams-read-b"])).GetProperty("key").GetString()!;
        using var viewer = fixture.Client(viewerKey);

        var overview = await Pulse.Testing.Eventually.GetAsync(
            () => viewer.GetFromJsonAsync<JsonElement>("/api/overview?window=5m"),
            o => o.GetProperty("brands").EnumerateArray().Sum(b => b.GetProperty("count").GetInt64()) == 4);
        var brands = (await viewer.GetFromJsonAsync<JsonElement>("/api/brands")).EnumerateArray().Select(b => b.GetProperty("id").GetString()).ToArray();
        var alerts = (await viewer.GetFromJsonAsync<JsonElement>("/api/alerts")).EnumerateArray().Select(a => a.GetProperty("brandId").GetString()).ToArray();
        var otherAlerts = await viewer.GetAsync("/api/alerts?brand=teams-read-c");
        var me = await viewer.GetFromJsonAsync<JsonElement>("/auth/me");

        Assert.Equal(["teams-read-a", "teams-read-b"], overview.GetProperty("brands").EnumerateArray().Select(b => b.GetProperty("brandId").GetString()).Order());
        var share = overview.GetProperty("brands").EnumerateArray().ToDictionary(b => b.GetProperty("brandId").GetString()!, b => b.GetProperty("shareOfVoice").GetDouble());
        Assert.Equal(0.75, share["teams-read-a"], 3);
        Assert.Equal(0.25, share["teams-read-b"], 3);
        Assert.Equal(["teams-read-a", "teams-read-b"], brands.Order());
        Assert.Equal(["teams-read-a"], alerts.AsEnumerable());
        await ProblemAssert.IsAsync(otherAlerts, HttpStatusCode.NotFound);
        Assert.Equal(["teams-read-a", "teams-read-b"], me.GetProperty("brands").EnumerateArray().Select(b => b.GetString()));
    }

    [Trait("Category", "Slow")]
    [Fact]
    public async Task A_team_limited_overview_on_the_hub_carries_only_its_brands()
    {
        await fixture.PutBrandAsync("teams-live-a");
        await fixture.PutBrandAsync("teams-live-b");
        var key = (await fixture.CreateKeyAsync("teams-live-viewer", "viewer", ["teams-live-a"])).GetProperty("key").GetString()!;
        var alerts = Channel.CreateUnbounded<string>();
        var summaries = Channel.CreateUnbounded<string>();
        await using var hub = TestCaller.Hub(fixture.Host.BaseAddress, key);
        hub.On<JsonElement[]>("alerts", items => { foreach (var a in items) alerts.Writer.TryWrite(a.GetProperty("brandId").GetString()!); });
        hub.On<JsonElement[]>("brandSummaries", items => { foreach (var s in items) summaries.Writer.TryWrite(s.GetProperty("brandId").GetString()!); });
        await hub.StartAsync();
        await hub.InvokeAsync("SubscribeOverview");

        var refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("SubscribeBrand", "teams-live-b"));
        await TestAlerts.SignalSpikeAsync(fixture.Host.Grains, "teams-live-b");
        await TestAlerts.SignalSpikeAsync(fixture.Host.Grains, "teams-live-a");
        using var everyBrand = fixture.Client(TestCaller.AdminKey);
        var posted = new[] { "teamsliveb", "teamslivea" }.Select((t, i) => new { id = $"teams-live-{i}", channel = "x", text = t });
        Assert.Equal(HttpStatusCode.Accepted, (await everyBrand.PostAsJsonAsync("/api/mentions", posted)).StatusCode);

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        Assert.Equal("teams-live-a", await alerts.Reader.ReadAsync(deadline.Token));
        Assert.Equal("teams-live-a", await summaries.Reader.ReadAsync(deadline.Token));
        await Task.Delay(TimeSpan.FromSeconds(2)); // batches after the first: anything of teams-live-b would have come by now
        Assert.Contains("Unknown brand", refused.Message, StringComparison.Ordinal);
        alerts.Writer.Complete();
        summaries.Writer.Complete();
        Assert.DoesNotContain("teams-live-b", await alerts.Reader.ReadAllAsync().ToArrayAsync());
        Assert.DoesNotContain("teams-live-b", await summaries.Reader.ReadAllAsync().ToArrayAsync());
    }
}
