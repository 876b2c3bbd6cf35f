using Orleans.Connections.Security;

namespace Pulse.Silo.Cluster.Tls;

public static class ClusterTlsExtensions
{
    /// <summary>
    /// TLS on this silo's silo-to-silo connections (both directions) and its gateway, with the cluster certificate; peers
    /// are checked by <see cref="ClusterPeerTrust"/>, and must present a certificate unless
    /// <see cref="ClusterTlsOptions.RequireClientCertificate"/> is off.
    /// </summary>
    public static ISiloBuilder UsePulseClusterTls(this ISiloBuilder silo, ClusterCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(credentials);
        silo.UseTls(credentials.Certificate, o => Configure(o, credentials));
        AddStartupLog(silo.Services, credentials);
        return silo;
    }

    /// <summary>TLS to the gateways (a dashboard-only host), presenting the cluster certificate and checking the silo's.</summary>
    public static IClientBuilder UsePulseClusterTls(this IClientBuilder client, ClusterCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(credentials);
        client.UseTls(credentials.Certificate, o => Configure(o, credentials));
        AddStartupLog(client.Services, credentials);
        return client;
    }

    private static void AddStartupLog(IServiceCollection services, ClusterCredentials credentials)
    {
        services.AddSingleton(credentials);
        services.AddHostedService<ClusterTlsStartupLog>();
    }

    private static void Configure(TlsOptions options, ClusterCredentials credentials)
    {
        // Orleans applies one TlsOptions to every direction: as a server this is whether the connecting side must show a
        // certificate; as a client, the server always shows one, so Allow and Require check it the same way.
        options.RemoteCertificateMode = credentials.RequireClientCertificate ? RemoteCertificateMode.RequireCertificate : RemoteCertificateMode.AllowCertificate;
        // Always present our certificate when connecting: the silos at the other end may require it.
        options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.RemoteCertificateValidation = credentials.Trust.Accepts;
    }
}
