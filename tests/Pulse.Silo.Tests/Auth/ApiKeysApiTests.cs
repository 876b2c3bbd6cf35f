using Pulse.Silo.Tests.Functional;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pulse.Silo.Auth.Keys;

namespace Pulse.Silo.Tests.Auth;

/// <summary>/api/keys over real HTTP: create as the bootstrap admin, use, list, revoke; 401 and 403 as problem+json.</summary>
[Collection(AuthHostCollection.Name)]
public sealed class ApiKeysApiTests(AuthHostFixture fixture)
{
    [Fact]
    public async Task A_created_key_works_shows_its_last_use_and_is_refused_once_revoked()
    {
        var created = await fixture.CreateKeyAsync("ops-flow", "admin");
        var id = created.GetProperty("id").GetString()!;
        var secret = created.GetProperty("key").GetString()!;
        Assert.StartsWith(ApiKeySecret.Prefix, secret, StringComparison.Ordinal);
        Assert.Equal("admin", created.GetProperty("role").GetString());

        using var withKey = fixture.Client(secret);
        var listed = await withKey.GetAsync(ApiKeysApi.Route);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        var text = await listed.Content.ReadAsStringAsync();
        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        var mine = JsonDocument.Parse(text).RootElement.EnumerateArray().Single(k => k.GetProperty("id").GetString() == id);
        Assert.Equal("ops-flow", mine.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.String, mine.GetProperty("lastUsedAt").ValueKind);
        Assert.False(mine.TryGetProperty("key", out _));

        using var admin = fixture.Client(TestCaller.AdminKey);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{ApiKeysApi.Route}/{id}")).StatusCode);

        var refused = await withKey.GetAsync(ApiKeysApi.Route);
        await ProblemAssert.IsAsync(refused, HttpStatusCode.Unauthorized);
        Assert.Contains("invalid_token", refused.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        await ProblemAssert.IsAsync(await admin.DeleteAsync($"{ApiKeysApi.Route}/{id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_viewer_key_is_forbidden_to_create_keys()
    {
        var viewer = (await fixture.CreateKeyAsync("viewer-403", "viewer")).GetProperty("key").GetString();
        using var http = fixture.Client(viewer);

        var response = await http.PostAsJsonAsync(ApiKeysApi.Route, new { name = "escalate", role = "admin" });

        var problem = await ProblemAssert.IsAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("viewer", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer pulse_not-a-key-anyone-was-given")]
    [InlineData("Bearer ")]
    [InlineData("Basic ZW5naW5lZXI6c2VjcmV0")]
    public async Task A_missing_or_wrong_key_is_401_problem_json(string? authorization)
    {
        using var http = fixture.Client(null);
        using var request = new HttpRequestMessage(HttpMethod.Get, ApiKeysApi.Route);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await http.SendAsync(request);

        await ProblemAssert.IsAsync(response, HttpStatusCode.Unauthorized);
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_secret_is_kept_only_as_its_sha256()
    {
        var created = await fixture.CreateKeyAsync("stored-hashed", "ingest");
        var secret = created.GetProperty("key").GetString()!;

        var stored = (await fixture.Host.Services.GetRequiredService<IApiKeyStore>().ListAsync())
            .Single(k => k.Id == created.GetProperty("id").GetString());

        Assert.Equal(ApiKeySecret.Hash(secret), stored.Hash);
        Assert.Equal(64, stored.Hash.Length); // SHA-256 in hex
        Assert.DoesNotContain(secret, JsonSerializer.Serialize(stored), StringComparison.Ordinal);
        Assert.DoesNotContain(secret[ApiKeySecret.Prefix.Length..], JsonSerializer.Serialize(stored), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"name\": \"x\", \"role\": \"owner\"}", "role")]
    [InlineData("{\"role\": \"viewer\"}", "name")]
    [InlineData("{\"name\": \"  \", \"role\": \"viewer\"}", "name")]
    public async Task An_invalid_request_is_400_naming_the_field(string body, string field)
    {
        using var admin = fixture.Client(TestCaller.AdminKey);

        var response = await admin.PostAsync(ApiKeysApi.Route, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(field, problem.GetProperty("parameter").GetString());
    }
}
