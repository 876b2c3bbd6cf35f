using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;
using Pulse.Silo.Tests.Functional;
using Pulse.Testing;
using Pulse.Testing.Pki;

namespace Pulse.Silo.Tests.Cluster.Tls;

/// <summary>
/// Silos with mutual TLS: two holding certificates from the cluster CA form one cluster (and a dashboard-only host reaches
/// it through a TLS gateway); a third with a certificate from another CA registers in Redis but never becomes active.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ClusterTlsTests
{
    private const string ClusterId = "tls";

    [Fact]
    public async Task Silos_with_the_cluster_certificate_form_a_cluster_and_a_silo_without_it_never_joins()
    {
        using var pki = TestPki.Create();
        var ca = pki.NewAuthority("cluster");
        await using var redis = await RedisServer.StartAsync();
        var hosts = new ClusterHosts(redis, ClusterId);
        await using var a = await hosts.StartSiloAsync(TlsArguments.Pem(ca.Issue("silo-a"), ca));
        await using var b = await hosts.StartSiloAsync(TlsArguments.Pem(ca.Issue("silo-b"), ca));

        var views = await Eventually.GetAsync(() => Task.FromResult((Active(a).Count, Active(b).Count)), v => v == (2, 2), TimeSpan.FromSeconds(30));
        Assert.Equal((2, 2), views);

        // A brand made on one silo, a mention posted to the other, the count read through a dashboard-only host's gateway.
        await ClusterHosts.AddBrandAsync(a, "tlscluster", "tlsclusterword");
        var posted = await b.Http.PostAsync("/api/mentions", new StringContent(
            """{"id":"c1","channel":"x","text":"tlsclusterword between silos"}""", Encoding.UTF8, "application/x-ndjson"));
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        await using var dashboard = await RunningHost.StartAsync(
            ["--dashboard-only", "--redis", redis.Endpoint, "--cluster-id", ClusterId, .. TlsArguments.Pfx(ca.Issue("dashboard"), ca)]);
        var counts = await Eventually.GetAsync(() => BrandCounts.ReadAsync(dashboard.Http, ["tlscluster"]), c => c["tlscluster"] >= 1, TimeSpan.FromSeconds(30));
        Assert.Equal(1, counts["tlscluster"]);

        // Another CA's certificate (the rogue silo trusts only its own): it can write itself into Redis membership as
        // Joining, but no handshake with the members succeeds, so it never becomes active.
        var rogueCa = pki.NewAuthority("rogue");
        await using var rogue = PulseProcess.Launch("rogue", redis.Endpoint, ["--cluster-id", ClusterId, .. TlsArguments.Pem(rogueCa.Issue("rogue"), rogueCa)]);
        var membership = a.Services.GetRequiredService<IMembershipTable>();
        var registered = await Eventually.GetAsync(() => RogueStatusAsync(membership, rogue), s => s is not null, TimeSpan.FromSeconds(45));
        Assert.True(registered is not null, "The rogue silo never registered in membership:\n" + rogue.Output);

        // A silo that is let in becomes active within milliseconds of registering; watch well beyond that.
        var seen = new HashSet<SiloStatus>();
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(12);
        while (DateTime.UtcNow < until)
        {
            if (await RogueStatusAsync(membership, rogue) is { } status)
            {
                seen.Add(status);
            }

            await Task.Delay(200);
        }

        Assert.DoesNotContain(SiloStatus.Active, seen);
        Assert.Equal(2, Active(a).Count);
        Assert.DoesNotContain(Active(a), s => s.Endpoint.Port == rogue.SiloPort);
    }

    private static List<SiloAddress> Active(RunningHost host) =>
        [.. host.Services.GetRequiredService<IClusterMembershipService>().CurrentSnapshot.Members.Values
            .Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress)];

    /// <summary>The rogue silo's row in the membership table in Redis (not a member's view, which learns of it by gossip over TLS).</summary>
    private static async Task<SiloStatus?> RogueStatusAsync(IMembershipTable membership, PulseProcess rogue)
    {
        var table = await membership.ReadAllAsync(CancellationToken.None);
        return table.Members.Select(m => m.Item1).Where(e => e.SiloAddress.Endpoint.Port == rogue.SiloPort)
            .Select(e => (SiloStatus?)e.Status).FirstOrDefault();
    }
}
