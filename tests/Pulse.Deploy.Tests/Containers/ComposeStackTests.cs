using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Pulse.Deploy.Tests.Compose;
using Pulse.Deploy.Tests.Support;
using Pulse.Testing;
using Xunit.Abstractions;

namespace Pulse.Deploy.Tests.Containers;

/// <summary>
/// The compose stack, run: Redis, three silos and a dashboard-only host in containers (podman-compose), each Pulse one
/// read-only and non-root. Mentions posted to the three silos are counted on the dashboard-only host, also after a silo
/// is stopped. The test talks to the stack only through the ports it publishes on 127.0.0.1.
/// </summary>
[Collection(PulseImageCollection.Name)]
[Trait("Category", "Slow")]
public sealed class ComposeStackTests(PulseImage image, ITestOutputHelper output)
{
    private const string Brand = "nordtakt";

    [Fact]
    public async Task Three_silos_and_a_dashboard_host_count_mentions_posted_to_every_silo_and_lose_none_when_one_stops()
    {
        var project = "pulsetest" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var adminKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var ports = new Dictionary<string, int> { ["dashboard"] = FreePort.Next(), ["silo1"] = FreePort.Next(), ["silo2"] = FreePort.Next(), ["silo3"] = FreePort.Next() };
        var env = Podman.Environment(new Dictionary<string, string>
        {
            ["PULSE_IMAGE"] = image.Name,
            ["REDIS_IMAGE"] = image.Base, // Debian's redis-server, in the locally made base
            ["PULSE_ADMIN_KEY"] = adminKey,
            ["PULSE_REDIS_PASSWORD"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            ["PULSE_DASHBOARD_PORT"] = Port(ports["dashboard"]),
            ["PULSE_SILO1_PORT"] = Port(ports["silo1"]),
            ["PULSE_SILO2_PORT"] = Port(ports["silo2"]),
            ["PULSE_SILO3_PORT"] = Port(ports["silo3"]),
        });
        var http = ports.ToDictionary(kv => kv.Key, kv => Client(kv.Value, adminKey));
        var clock = Stopwatch.StartNew();
        try
        {
            (await Compose(env, project, "up", "-d")).OrThrow();
            var healthy = await Eventually.GetAsync(() => AllHealthyAsync(http.Values), ok => ok, TimeSpan.FromMinutes(2));
            Assert.True(healthy, "the stack's hosts did not all answer /healthz with 200");
            output.WriteLine($"stack up and healthy in {clock.Elapsed.TotalSeconds:F1} s");

            // The image's own health check, as podman runs it; the user and the read-only root the compose file asks for.
            var silo1 = Container(project, "silo1");
            // On two loaded cores podman's own run of the check can fail to start (exit 125) though the host is healthy;
            // a health check is judged over retries, as podman's own --health-retries does.
            var check = await Eventually.GetAsync(
                () => Podman.RunAsync(TimeSpan.FromMinutes(1), "healthcheck", "run", silo1), r => r.ExitCode == 0, TimeSpan.FromSeconds(60));
            Assert.True(check.ExitCode == 0, $"podman healthcheck run: exit {check.ExitCode}: {check.Output}{check.Error}");
            Assert.Equal("1654", (await Podman.RunAsync(TimeSpan.FromMinutes(1), "exec", silo1, "id", "-u")).OrThrow().Trim());
            Assert.Equal("true", (await Podman.RunAsync(TimeSpan.FromMinutes(1), "inspect", "--format", "{{.HostConfig.ReadonlyRootfs}}", silo1)).OrThrow().Trim());

            (await http["silo1"].PutAsJsonAsync($"/api/brands/{Brand}", new { name = "Nordtakt", keywords = new[] { Brand } })).EnsureSuccessStatusCode();
            var posted = 0;
            foreach (var silo in new[] { "silo1", "silo2", "silo3" })
            {
                posted += await PostAsync(http[silo], $"{silo}-a", 3);
            }

            var count = await Eventually.GetAsync(() => CountAsync(http["dashboard"]), c => c == posted, TimeSpan.FromSeconds(60));
            Assert.Equal(posted, count);

            // A silo stopped as compose and Kubernetes stop it (SIGTERM, then a grace period): the others carry on.
            clock.Restart();
            (await Podman.RunAsync(TimeSpan.FromMinutes(2), "stop", "--time", "60", Container(project, "silo3"))).OrThrow();
            output.WriteLine($"silo3 stopped gracefully in {clock.Elapsed.TotalSeconds:F1} s");
            posted += await PostAsync(http["silo1"], "after-stop", 3);
            count = await Eventually.GetAsync(() => CountAsync(http["dashboard"]), c => c == posted, TimeSpan.FromSeconds(60));
            Assert.Equal(posted, count);
        }
        catch
        {
            foreach (var service in new[] { "silo1", "silo2", "silo3", "dashboard" })
            {
                var logs = await Podman.RunAsync(TimeSpan.FromMinutes(1), "logs", "--tail", "40", Container(project, service));
                output.WriteLine($"--- {service}{Environment.NewLine}{logs.Output}{logs.Error}");
            }

            throw;
        }
        finally
        {
            clock.Restart();
            await Compose(env, project, "down", "-v");
            await Podman.RunAsync(TimeSpan.FromMinutes(1), "network", "rm", "--force", project + "_default");
            output.WriteLine($"stack down in {clock.Elapsed.TotalSeconds:F1} s");
            foreach (var client in http.Values)
            {
                client.Dispose();
            }
        }
    }

    private static Task<CommandResult> Compose(IReadOnlyDictionary<string, string> env, string project, params string[] args) =>
        Command.RunAsync("podman-compose", ["-p", project, "-f", ComposeFile.PathOnDisk, .. args], TimeSpan.FromMinutes(3), env);

    // podman-compose names containers PROJECT_SERVICE_N.
    private static string Container(string project, string service) => $"{project}_{service}_1";

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static HttpClient Client(int port, string adminKey)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
        return client;
    }

    private static async Task<bool> AllHealthyAsync(IEnumerable<HttpClient> clients)
    {
        try
        {
            var answers = await Task.WhenAll(clients.Select(c => c.GetAsync("/healthz")));
            return answers.All(a => a.IsSuccessStatusCode);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>Posts <paramref name="count"/> mentions of the brand as NDJSON; returns how many were accepted.</summary>
    private static async Task<int> PostAsync(HttpClient client, string prefix, int count)
    {
        var lines = Enumerable.Range(0, count).Select(i => JsonSerializer.Serialize(new { id = $"{prefix}-{i}", channel = "x", text = $"{Brand} ist heute pünktlich, super! {i}" }));
        using var body = new StringContent(string.Join('\n', lines), Encoding.UTF8, "application/x-ndjson");
        var response = await client.PostAsync("/api/mentions", body);
        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("accepted").GetInt32();
    }

    private static async Task<long> CountAsync(HttpClient client)
    {
        try
        {
            using var doc = JsonDocument.Parse(await client.GetStringAsync($"/api/brands/{Brand}/stats?window=1h"));
            return doc.RootElement.GetProperty("total").GetProperty("count").GetInt64();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return -1;
        }
    }
}
