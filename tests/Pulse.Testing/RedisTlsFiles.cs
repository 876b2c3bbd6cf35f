namespace Pulse.Testing;

/// <summary>A redis-server's TLS files: it then listens with TLS only (<c>--port 0 --tls-port</c>) and asks no client certificate.</summary>
public sealed record RedisTlsFiles(string CertificateFile, string KeyFile, string CaFile);
