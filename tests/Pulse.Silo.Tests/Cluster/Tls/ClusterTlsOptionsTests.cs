using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Pulse.Silo.Cli;
using Pulse.Silo.Cluster;
using Pulse.Silo.Cluster.Tls;
using Pulse.Testing.Pki;

namespace Pulse.Silo.Tests.Cluster.Tls;

/// <summary>Cluster and Redis TLS settings checked at start, each error naming the setting to fix; and whom a silo trusts.</summary>
public sealed class ClusterTlsOptionsTests : IDisposable
{
    private readonly TestPki _pki = TestPki.Create();
    private readonly TestAuthority _ca;
    private readonly IssuedCertificate _silo;

    public ClusterTlsOptionsTests()
    {
        _ca = _pki.NewAuthority("cluster");
        _silo = _ca.Issue("silo");
    }

    public void Dispose() => _pki.Dispose();

    [Fact]
    public void A_pem_certificate_with_its_key_and_a_pfx_with_its_password_both_load()
    {
        var pem = ClusterCredentials.Load(new ClusterTlsOptions { Enabled = true, CertificateFile = _silo.CertificateFile, KeyFile = _silo.KeyFile, CaFile = _ca.CertificateFile });
        var pfx = ClusterCredentials.Load(new ClusterTlsOptions { Enabled = true, CertificateFile = _silo.PfxFile, PasswordFile = _silo.PfxPasswordFile });

        Assert.True(pem.Certificate.HasPrivateKey);
        Assert.Equal(pem.Certificate.Thumbprint, pfx.Certificate.Thumbprint);
        Assert.True(pem.RequireClientCertificate);
    }

    [Theory]
    [InlineData("CertificateFile")]
    [InlineData("KeyFile")]
    [InlineData("CaFile")]
    [InlineData("PasswordFile")]
    public void A_missing_file_names_its_setting(string setting)
    {
        var options = new ClusterTlsOptions { Enabled = true, CertificateFile = _silo.CertificateFile, KeyFile = _silo.KeyFile, CaFile = _ca.CertificateFile };
        const string missing = "/nonexistent/pulse-tls-file";
        switch (setting)
        {
            case "CertificateFile": options.CertificateFile = missing; break;
            case "KeyFile": options.KeyFile = missing; break;
            case "CaFile": options.CaFile = missing; break;
            default: options.PasswordFile = missing; break;
        }

        var error = Assert.Throws<InvalidOperationException>(() => ClusterCredentials.Load(options));

        Assert.Contains("Pulse:Cluster:Tls:" + setting, error.Message, StringComparison.Ordinal);
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tls_on_without_a_certificate_says_which_setting_is_missing()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ClusterCredentials.Load(new ClusterTlsOptions { Enabled = true }));

        Assert.Contains("Pulse:Cluster:Tls:CertificateFile is not set", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_certificate_without_its_private_key_is_refused(bool pfx)
    {
        var options = pfx
            ? new ClusterTlsOptions { Enabled = true, CertificateFile = _silo.PublicOnlyPfxFile }
            : new ClusterTlsOptions { Enabled = true, CertificateFile = _silo.CertificateFile }; // PEM, KeyFile forgotten

        var error = Assert.Throws<InvalidOperationException>(() => ClusterCredentials.Load(options));

        Assert.Contains("Pulse:Cluster:Tls:CertificateFile", error.Message, StringComparison.Ordinal);
        Assert.Contains("has no private key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_expired_certificate_and_one_from_another_ca_are_refused()
    {
        var now = DateTimeOffset.UtcNow;
        var expired = _ca.Issue("expired", now.AddDays(-10), now.AddDays(-1));
        var foreign = _pki.NewAuthority("other").Issue("foreign");

        var old = Assert.Throws<InvalidOperationException>(() => ClusterCredentials.Load(
            new ClusterTlsOptions { Enabled = true, CertificateFile = expired.CertificateFile, KeyFile = expired.KeyFile }));
        var stranger = Assert.Throws<InvalidOperationException>(() => ClusterCredentials.Load(
            new ClusterTlsOptions { Enabled = true, CertificateFile = foreign.CertificateFile, KeyFile = foreign.KeyFile, CaFile = _ca.CertificateFile }));

        Assert.Contains("expired", old.Message, StringComparison.Ordinal);
        Assert.Contains("was not issued by Pulse:Cluster:Tls:CaFile", stranger.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_host_with_cluster_tls_misconfigured_does_not_start()
    {
        var error = Assert.Throws<InvalidOperationException>(() => PulseCommandLine.CreateApp(ServeArguments.ToConfiguration(
            ["--redis", "127.0.0.1:1", "--Pulse:Cluster:Tls:Enabled=true", "--Pulse:Cluster:Tls:CertificateFile=/nonexistent/cluster.pfx"])));

        Assert.Contains("Pulse:Cluster:Tls:CertificateFile '/nonexistent/cluster.pfx' does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Peers_are_trusted_by_the_cluster_ca_or_by_the_pinned_certificate_and_nothing_else()
    {
        using var own = X509CertificateLoader.LoadCertificateFromFile(_silo.CertificateFile);
        using var sibling = X509CertificateLoader.LoadCertificateFromFile(_ca.Issue("sibling").CertificateFile);
        using var foreign = X509CertificateLoader.LoadCertificateFromFile(_pki.NewAuthority("other").Issue("foreign").CertificateFile);
        var byCa = new ClusterPeerTrust(own, CertificateAuthority.Load(_ca.CertificateFile, "test"));
        var pinned = new ClusterPeerTrust(own, authority: null);
        var later = new ClusterPeerTrust(own, authority: null, new FixedTime(DateTimeOffset.UtcNow.AddDays(30)));
        // What SslStream reports for a private CA over an IP address: unknown root, and no name to match.
        const SslPolicyErrors usual = SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNameMismatch;

        Assert.True(byCa.Accepts(sibling, null, usual));
        Assert.False(byCa.Accepts(foreign, null, usual));
        Assert.True(pinned.Accepts(own, null, usual));
        Assert.False(pinned.Accepts(sibling, null, usual));
        Assert.False(later.Accepts(own, null, usual)); // the pinned certificate expired meanwhile
    }

    [Fact]
    public void A_redis_ca_file_needs_tls_and_must_exist()
    {
        var withoutTls = new RedisClusterOptions { Endpoint = "127.0.0.1:6379", TlsCaFile = _ca.CertificateFile };
        var missing = new RedisClusterOptions { Endpoint = "127.0.0.1:6379", Tls = true, TlsCaFile = "/nonexistent/redis-ca.pem" };

        Assert.Contains("Pulse:Redis:Tls", Assert.Single(withoutTls.Validate(new(withoutTls))).ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("Pulse:Redis:TlsCaFile '/nonexistent/redis-ca.pem' does not exist", Assert.Single(missing.Validate(new(missing))).ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(new RedisClusterOptions { Endpoint = "127.0.0.1:6379", Tls = true, TlsCaFile = _ca.CertificateFile }.Validate(new(withoutTls)));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
