using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pulse.Grains.Alerts;
using Pulse.Silo.Audit;
using Pulse.Silo.Auth.Users;

namespace Pulse.Silo.Tests.Audit;

/// <summary>
/// The audit log over real HTTP: changes made by keys of different roles show up with who, what and when; an ack is by
/// the caller whatever the body says; only admins read it; refused changes and secrets never reach it.
/// </summary>
public sealed class AuditApiTests(AuditHostFixture fixture) : IClassFixture<AuditHostFixture>
{
    private const string Password = "a long enough passphrase";

    [Fact]
    public async Task A_brand_change_a_new_key_and_a_responders_ack_are_logged_with_who_what_and_when()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-5);
        (await fixture.Host.Http.PutAsJsonAsync("/api/brands/audit-acme", new { name = "Acme", keywords = new[] { "auditacme" } })).EnsureSuccessStatusCode();
        var (keyId, secret) = await fixture.CreateKeyAsync("audit-responder", "responder");
        var alertId = await OpenAlertAsync("audit-acme");

        using var responder = fixture.Client(secret);
        var acked = await responder.PostAsJsonAsync($"/api/alerts/{alertId}/ack", new { by = "mallory", note = "press office informed" });
        var resolved = await responder.PostAsJsonAsync($"/api/alerts/{alertId}/resolve", new { by = "someone-else" });

        Assert.Equal(HttpStatusCode.OK, acked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        var history = (await resolved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("history").EnumerateArray()
            .Select(h => (h.GetProperty("action").GetString(), h.GetProperty("by").GetString(), h.GetProperty("note").GetString())).ToArray();
        Assert.Equal([("acknowledge", "key:audit-responder", "press office informed"), ("resolve", "key:audit-responder", null)], history);

        var (_, entries, _) = await fixture.ReadAuditAsync();
        var until = DateTimeOffset.UtcNow.AddSeconds(5);
        var brand = Find(entries, "brand-put", "audit-acme");
        AssertWho(brand, "key:bootstrap", "api-key");
        Assert.Equal("created", brand.GetProperty("detail").GetString());
        Assert.Equal("127.0.0.1", brand.GetProperty("client").GetString());
        Assert.InRange(brand.GetProperty("at").GetDateTimeOffset(), since, until);
        var key = Find(entries, "key-create", keyId);
        AssertWho(key, "key:bootstrap", "api-key");
        Assert.Equal("'audit-responder' (responder)", key.GetProperty("detail").GetString());
        var ack = Find(entries, "alert-ack", alertId);
        AssertWho(ack, $"key:{keyId}", "api-key");
        Assert.Equal("audit-responder", ack.GetProperty("who").GetProperty("name").GetString());
        Assert.InRange(ack.GetProperty("at").GetDateTimeOffset(), since, until);
        AssertWho(Find(entries, "alert-resolve", alertId), $"key:{keyId}", "api-key");
        var order = entries.Select(e => e.GetProperty("id").GetString()).ToList();
        Assert.True(order.IndexOf(ack.GetProperty("id").GetString()) < order.IndexOf(key.GetProperty("id").GetString()), "newest first");
    }

    [Fact]
    public async Task An_ack_without_a_body_is_by_the_caller()
    {
        (await fixture.Host.Http.PutAsJsonAsync("/api/brands/audit-nobody", new { name = "Nobody", keywords = new[] { "auditnobody" } })).EnsureSuccessStatusCode();
        var alertId = await OpenAlertAsync("audit-nobody");

        var acked = await fixture.Host.Http.PostAsync($"/api/alerts/{alertId}/ack", null);

        Assert.Equal(HttpStatusCode.OK, acked.StatusCode);
        var last = (await acked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("history").EnumerateArray().Last();
        Assert.Equal("key:bootstrap admin (Pulse:Auth:AdminKey)", last.GetProperty("by").GetString());
    }

    [Theory]
    [InlineData("viewer", HttpStatusCode.Forbidden)]
    [InlineData("responder", HttpStatusCode.Forbidden)]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    public async Task Only_admins_read_the_log(string? role, HttpStatusCode expected)
    {
        using var http = fixture.Client(role is null ? null : (await fixture.CreateKeyAsync($"audit-{role}", role)).Secret);

        var response = await http.GetAsync(AuditApi.Route);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Trait("Category", "Slow")]
    [Fact]
    public async Task No_secret_reaches_the_log_though_every_kind_of_change_does()
    {
        const string webhook = "https://hooks.slack.com/services/T000/B000/webhooksecret0000";
        const string token = "mastodon-token-secret-0000";
        const string feedPassword = "feedpass0000";
        const string wrongPassword = "wrong passphrase 0000";
        const string passwordAsName = "correct.horse.battery.0000"; // typed into the name field: a valid name no account has
        var admin = fixture.Host.Http;
        var (keyId, keySecret) = await fixture.CreateKeyAsync("audit-secret", "viewer");
        (await admin.PutAsJsonAsync("/api/brands/audit-hooked", new { name = "Hooked", keywords = new[] { "audithooked" } })).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync("/api/brands/audit-hooked/alert-settings", new { webhooks = new[] { new { url = webhook, format = "slack" } } })).EnsureSuccessStatusCode();
        // Documentation addresses: the outbound guard refuses them, so nothing leaves the machine.
        (await admin.PutAsJsonAsync("/api/sources/audit-masto", new { kind = "mastodon", url = "https://203.0.113.7", token })).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync("/api/sources/audit-feed", new { kind = "rss", url = $"https://reader:{feedPassword}@203.0.113.7/feed.xml" })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync(UsersApi.Route, new { name = "audit-anna", password = Password, role = "responder" })).EnsureSuccessStatusCode();
        using (var browser = fixture.Client(null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await browser.PostAsJsonAsync("/auth/login", new { name = "audit-anna", password = wrongPassword })).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await browser.PostAsJsonAsync("/auth/login", new { name = passwordAsName, password = Password })).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await browser.PostAsJsonAsync("/auth/login", new { name = "audit-anna", password = Password })).StatusCode);
        }

        (await admin.DeleteAsync($"{UsersApi.Route}/audit-anna")).EnsureSuccessStatusCode();
        (await admin.DeleteAsync("/api/sources/audit-feed")).EnsureSuccessStatusCode();
        (await admin.DeleteAsync("/api/brands/audit-hooked")).EnsureSuccessStatusCode();
        (await admin.DeleteAsync($"/api/keys/{keyId}")).EnsureSuccessStatusCode();

        var (text, entries, _) = await fixture.ReadAuditAsync();
        Assert.Equal("1 webhooks", Find(entries, "alert-settings-put", "audit-hooked").GetProperty("detail").GetString());
        Assert.Equal("mastodon, created", Find(entries, "source-put", "audit-masto").GetProperty("detail").GetString());
        Find(entries, "source-put", "audit-feed");
        Find(entries, "source-delete", "audit-feed");
        Find(entries, "brand-delete", "audit-hooked");
        Assert.Equal("responder", Find(entries, "user-create", "audit-anna").GetProperty("detail").GetString());
        AssertWho(Find(entries, "sign-in-failed", "audit-anna"), "anonymous", "anonymous");
        Assert.Contains(entries, e => e.GetProperty("action").GetString() == "sign-in-failed" && e.GetProperty("detail").GetString() == "unknown name");
        var signIn = Find(entries, "sign-in", "audit-anna");
        AssertWho(signIn, "user:audit-anna", "user");
        Assert.Equal("127.0.0.1", signIn.GetProperty("client").GetString());
        Find(entries, "user-delete", "audit-anna");
        Find(entries, "key-revoke", keyId);
        foreach (var secret in new[] { webhook, "webhooksecret0000", token, feedPassword, keySecret, keySecret[Pulse.Silo.Auth.Keys.ApiKeySecret.Prefix.Length..], Password, wrongPassword, passwordAsName, Pulse.Silo.Tests.Functional.TestCaller.AdminKey })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Wrong_passwords_and_the_lockout_they_cause_are_logged_with_the_client_address()
    {
        (await fixture.Host.Http.PostAsJsonAsync(UsersApi.Route, new { name = "audit-lock", password = Password, role = "viewer" })).EnsureSuccessStatusCode();
        using var browser = fixture.Client(null);
        HttpResponseMessage last = null!;
        for (var i = 0; i < UserLockout.MaxFailures; i++)
        {
            last = await browser.PostAsJsonAsync("/auth/login", new { name = "audit-lock", password = $"wrong passphrase {i}" });
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        var entries = (await fixture.ReadAuditAsync("target=audit-lock")).Entries;
        Assert.Equal(
            ["sign-in-locked", .. Enumerable.Repeat("sign-in-failed", UserLockout.MaxFailures - 1), "user-create"],
            entries.Select(e => e.GetProperty("action").GetString()));
        Assert.StartsWith("locked until ", entries[0].GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.All(entries, e => Assert.Equal("127.0.0.1", e.GetProperty("client").GetString()));
    }

    [Fact]
    public async Task A_refused_change_writes_nothing()
    {
        var invalid = await fixture.Host.Http.PutAsJsonAsync("/api/brands/audit-refused", new { name = "Refused", keywords = Array.Empty<string>() });
        var unknown = await fixture.Host.Http.PostAsJsonAsync("/api/alerts/audit-refused:1/ack", new { note = "x" });
        var missing = await fixture.Host.Http.DeleteAsync("/api/keys/no-such-key");

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (invalid.StatusCode, unknown.StatusCode, missing.StatusCode));
        Assert.Empty((await fixture.ReadAuditAsync("target=audit-refused")).Entries);
        Assert.Empty((await fixture.ReadAuditAsync("target=audit-refused:1")).Entries);
        Assert.Empty((await fixture.ReadAuditAsync("target=no-such-key")).Entries);
    }

    [Fact]
    public async Task Pages_follow_next_filtered_by_action_and_target()
    {
        for (var i = 0; i < 3; i++)
        {
            (await fixture.Host.Http.PutAsJsonAsync("/api/brands/audit-paged", new { name = $"Paged {i}", keywords = new[] { "auditpaged" } })).EnsureSuccessStatusCode();
        }

        var first = await fixture.ReadAuditAsync("target=audit-paged&action=brand-put&limit=2");
        var second = await fixture.ReadAuditAsync($"target=audit-paged&action=brand-put&limit=2&before={first.Next}");

        Assert.Equal(["replaced", "replaced", "created"], first.Entries.Concat(second.Entries).Select(e => e.GetProperty("detail").GetString()));
        Assert.NotNull(first.Next);
        Assert.Null(second.Next);
        Assert.Empty((await fixture.ReadAuditAsync("target=audit-paged&before=2000-01-01T00:00:00Z")).Entries);
    }

    [Theory]
    [InlineData("before=yesterday", "before")]
    [InlineData("before=12-x", "before")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=501", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("action=brand-rename", "action")]
    public async Task A_bad_parameter_is_a_400_problem_naming_it(string query, string parameter)
    {
        var response = await fixture.Host.Http.GetAsync($"{AuditApi.Route}?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(parameter, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("parameter").GetString());
    }

    private async Task<string> OpenAlertAsync(string brand)
    {
        var why = new AlertWhy([new TermLift("recall", 40, 12)], [], new SentimentSplit(1, 2, 30), [new ChannelCount("x", 33)]);
        await fixture.Host.Grains.GetGrain<IBrandAlertsGrain>(brand).SignalAsync(new AlertSignal(brand, "x", AlertKind.Spike, 6, DateTimeOffset.UtcNow, 50, 10, why));
        return (await fixture.Host.Http.GetFromJsonAsync<JsonElement>($"/api/alerts?brand={brand}"))[0].GetProperty("id").GetString()!;
    }

    private static JsonElement Find(JsonElement[] entries, string action, string target) =>
        Assert.Single(entries, e => e.GetProperty("action").GetString() == action && e.GetProperty("target").GetString() == target);

    private static void AssertWho(JsonElement entry, string id, string kind)
    {
        var who = entry.GetProperty("who");
        Assert.Equal((id, kind), (who.GetProperty("id").GetString(), who.GetProperty("kind").GetString()));
    }
}
