using System.Net;
using System.Text;
using Pulse.Silo.Tests.Functional;
using Pulse.Testing;
using Pulse.Testing.Pki;

namespace Pulse.Silo.Tests.Cluster.Tls;

/// <summary>A production-shaped Redis: TLS only, its certificate from a private CA, and an ACL user instead of the default user.</summary>
public sealed class RedisTlsTests
{
    [Trait("Category", "Slow")]
    [Fact]
    public async Task A_silo_reaches_a_tls_only_redis_as_an_acl_user_and_counts_a_mention()
    {
        using var pki = TestPki.Create();
        var ca = pki.NewAuthority("redis");
        var server = ca.Issue("redis-server");
        // The README's suggested rules: no administrative or dangerous commands (CONFIG, KEYS, FLUSHALL, ...).
        var user = new RedisAclUser("pulse", "tls acl secret", "+@all -@admin -@dangerous");
        await using var redis = await RedisServer.StartTlsAsync(new RedisTlsFiles(server.CertificateFile, server.KeyFile, ca.CertificateFile), user);
        var passwordFile = pki.WriteFile("redis-password", user.Password + "\n");

        await using var silo = await new ClusterHosts(redis, "redistls").StartSiloAsync(
            "--redis-tls", "--redis-tls-ca", ca.CertificateFile, "--Pulse:Redis:User=" + user.Name, "--redis-password-file", passwordFile);

        Assert.True((await silo.Http.GetAsync("/healthz")).IsSuccessStatusCode);
        await ClusterHosts.AddBrandAsync(silo, "tlsbrand", "tlskeyword");
        var posted = await silo.Http.PostAsync("/api/mentions", new StringContent(
            """{"id":"t1","channel":"x","text":"tlskeyword over tls"}""", Encoding.UTF8, "application/x-ndjson"));
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var counts = await Eventually.GetAsync(() => BrandCounts.ReadAsync(silo.Http, ["tlsbrand"]), c => c["tlsbrand"] >= 1, TimeSpan.FromSeconds(30));
        Assert.Equal(1, counts["tlsbrand"]);
    }

    [Fact]
    public async Task A_redis_certificate_from_another_ca_is_refused()
    {
        using var pki = TestPki.Create();
        var ca = pki.NewAuthority("redis");
        var other = pki.NewAuthority("other");
        var server = other.Issue("redis-server");
        await using var redis = await RedisServer.StartTlsAsync(new RedisTlsFiles(server.CertificateFile, server.KeyFile, other.CertificateFile));
        var options = new Pulse.Silo.Cluster.RedisClusterOptions { Endpoint = redis.Endpoint, Tls = true, TlsCaFile = ca.CertificateFile, Timeout = TimeSpan.FromSeconds(2) };
        var trusted = new Pulse.Silo.Cluster.RedisClusterOptions { Endpoint = redis.Endpoint, Tls = true, TlsCaFile = other.CertificateFile, Timeout = TimeSpan.FromSeconds(2) };

        await using var refused = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(options.ToConfigurationOptions());
        await using var accepted = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(trusted.ToConfigurationOptions());

        Assert.False(refused.IsConnected);
        Assert.True(accepted.IsConnected);
    }
}
