using System.Globalization;

namespace Pulse.Silo.Cluster.Tls;

/// <summary>Says at start which certificate the cluster's connections use and when it expires: the one thing that breaks them later.</summary>
internal sealed partial class ClusterTlsStartupLog(ClusterCredentials credentials, TimeProvider time, ILogger<ClusterTlsStartupLog> logger) : IHostedService
{
    private static readonly TimeSpan Soon = TimeSpan.FromDays(30);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var certificate = credentials.Certificate;
        var expires = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        var expiresText = expires.ToString("u", CultureInfo.InvariantCulture);
        LogTls(certificate.Subject, certificate.Thumbprint, expiresText, credentials.Trust, credentials.RequireClientCertificate);
        if (expires - time.GetUtcNow() < Soon)
        {
            LogExpiresSoon(certificate.Subject, expiresText);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Cluster TLS: certificate {Subject} ({Thumbprint}), expires {Expires}; peers trusted {Trust}; client certificates required: {RequireClientCertificate}")]
    private partial void LogTls(string subject, string thumbprint, string expires, ClusterPeerTrust trust, bool requireClientCertificate);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The cluster certificate {Subject} expires {Expires}: renew it on every host before then, or the silos cannot talk to each other")]
    private partial void LogExpiresSoon(string subject, string expires);
}
