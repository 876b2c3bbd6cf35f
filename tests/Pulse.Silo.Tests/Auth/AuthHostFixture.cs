using System.Net.Http.Json;
using System.Text.Json;
using Pulse.Silo.Auth;
using Pulse.Silo.Auth.Keys;
using Pulse.Silo.Tests.Functional;

namespace Pulse.Silo.Tests.Auth;

/// <summary>
/// A real host (Kestrel, embedded silo) started with a bootstrap admin key, shared by the auth tests: a key per role, and
/// for teams two brands of one team (<see cref="OwnBrand"/>, <see cref="SpareBrand"/>) with an open alert on the first,
/// a brand of another team (<see cref="OtherBrand"/>), and viewer, responder and admin keys limited to each team.
/// </summary>
public sealed class AuthHostFixture : IAsyncLifetime
{
    public const string OwnBrand = "matrix-own";

    /// <summary>Of the own team too; the one the matrix deletes (and puts back), so <see cref="OwnBrand"/> keeps its alert.</summary>
    public const string SpareBrand = "matrix-spare";

    public const string OtherBrand = "matrix-other";

    private readonly Dictionary<PulseRole, string> _roleKeys = [];
    private readonly Dictionary<(PulseRole, bool), string> _teamKeys = [];

    public RunningHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Every endpoint is walked, the opt-in Orleans dashboard included.
        Host = await RunningHost.StartAsync(["--" + Pulse.Silo.Engineers.OrleansDashboardHosting.EnabledKey + "=true"]);
        foreach (var role in Enum.GetValues<PulseRole>())
        {
            var created = await CreateKeyAsync("matrix-" + PulseRoleNames.Of(role), PulseRoleNames.Of(role));
            _roleKeys[role] = created.GetProperty("key").GetString()!;
        }

        foreach (var brand in new[] { OwnBrand, SpareBrand, OtherBrand })
        {
            await PutBrandAsync(brand);
        }

        await TestAlerts.SignalSpikeAsync(Host.Grains, OwnBrand);
        OwnAlertId = (await Host.Http.GetFromJsonAsync<JsonElement>($"/api/alerts?brand={OwnBrand}"))[0].GetProperty("id").GetString()!;
        foreach (var role in new[] { PulseRole.Viewer, PulseRole.Responder, PulseRole.Admin })
        {
            var wire = PulseRoleNames.Of(role);
            _teamKeys[(role, true)] = (await CreateKeyAsync($"own-team-{wire}", wire, [OwnBrand, SpareBrand])).GetProperty("key").GetString()!;
            _teamKeys[(role, false)] = (await CreateKeyAsync($"other-team-{wire}", wire, [OtherBrand])).GetProperty("key").GetString()!;
        }
    }

    /// <summary>The open spike alert on <see cref="OwnBrand"/>, signalled at start.</summary>
    public string OwnAlertId { get; private set; } = "";

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }

    /// <summary>A client of the host sending <paramref name="key"/> as its Bearer key (none if null).</summary>
    public HttpClient Client(string? key, bool followRedirects = true)
    {
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = followRedirects }) { BaseAddress = Host.BaseAddress };
        if (key is not null)
        {
            TestCaller.Authorize(http, key);
        }

        return http;
    }

    /// <summary>A key of <paramref name="role"/>, made at start, for the matrix tests.</summary>
    public string RoleKey(PulseRole role) => _roleKeys[role];

    /// <summary>
    /// A key of <paramref name="role"/> limited to the own team (<see cref="OwnBrand"/>, <see cref="SpareBrand"/>) or,
    /// when not <paramref name="ownTeam"/>, to <see cref="OtherBrand"/>.
    /// </summary>
    public string TeamKey(PulseRole role, bool ownTeam) => _teamKeys[(role, ownTeam)];

    /// <summary>Creates (or puts back) a brand matching its own id as a keyword.</summary>
    public async Task PutBrandAsync(string id)
    {
        var response = await Host.Http.PutAsJsonAsync($"/api/brands/{id}", new { name = id, keywords = new[] { id.Replace("-", "", StringComparison.Ordinal) } });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Creates a key as the bootstrap admin; returns the answer (with the secret in "key").</summary>
    public async Task<JsonElement> CreateKeyAsync(string name, string role, string[]? brands = null)
    {
        using var admin = Client(TestCaller.AdminKey);
        var response = await admin.PostAsJsonAsync(ApiKeysApi.Route, new { name, role, brands });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

[CollectionDefinition(Name)]
public sealed class AuthHostCollection : ICollectionFixture<AuthHostFixture>
{
    public const string Name = "auth-host";
}
