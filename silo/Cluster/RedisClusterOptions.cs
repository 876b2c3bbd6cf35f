using System.ComponentModel.DataAnnotations;
using Pulse.Silo.Cluster.Tls;
using StackExchange.Redis;

namespace Pulse.Silo.Cluster;

/// <summary>
/// Cluster mode's one external dependency (section "Pulse:Redis", or `--redis HOST:PORT` with
/// `--redis-password-file`, `--redis-tls` and `--redis-tls-ca`). Set <see cref="Endpoint"/> and `pulse` runs in cluster
/// mode: membership, grain state and the ingest log all live in this Redis.
/// </summary>
public sealed class RedisClusterOptions : IValidatableObject
{
    public const string Section = "Pulse:Redis";

    /// <summary>HOST:PORT of the Redis server; empty means the embedded default (no Redis).</summary>
    public string? Endpoint { get; set; }

    /// <summary>
    /// The password (or ACL user's password), from the environment (<c>Pulse__Redis__Password</c>) or a configuration file;
    /// never from the command line, where every user of the machine can read it in the process list.
    /// </summary>
    public string? Password { get; set; }

    /// <summary>A file holding the password (a mounted secret), read at start; a trailing newline is not part of it.</summary>
    public string? PasswordFile { get; set; }

    /// <summary>An ACL user name (Redis 6+); empty uses the default user.</summary>
    public string? User { get; set; }

    /// <summary>Connect with TLS (Redis 6+ built with TLS, on its <c>tls-port</c>).</summary>
    public bool Tls { get; set; }

    /// <summary>
    /// With <see cref="Tls"/>: a PEM file of the CA that issued Redis's certificate. Redis's certificate must then chain to
    /// it (and still name the host in <see cref="Endpoint"/>); empty trusts the machine's CA store.
    /// </summary>
    public string? TlsCaFile { get; set; }

    /// <summary>Orleans cluster id: silos with the same Redis and cluster id form one cluster.</summary>
    [Required]
    public string ClusterId { get; set; } = "pulse";

    /// <summary>How long a Redis call may take before it counts as failed (ingest then answers 503).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    public bool Enabled => !string.IsNullOrWhiteSpace(Endpoint);

    /// <summary>StackExchange.Redis settings for every Redis client Pulse creates (clustering, storage, streams).</summary>
    public ConfigurationOptions ToConfigurationOptions()
    {
        var options = new ConfigurationOptions
        {
            User = string.IsNullOrEmpty(User) ? null : User,
            Password = ResolvePassword(),
            Ssl = Tls,
            AbortOnConnectFail = false, // start, and recover, while Redis is down; calls fail fast meanwhile
            ConnectTimeout = (int)Timeout.TotalMilliseconds,
            SyncTimeout = (int)Timeout.TotalMilliseconds,
            AsyncTimeout = (int)Timeout.TotalMilliseconds,
            ClientName = "pulse",
        };
        options.EndPoints.Add(Endpoint ?? throw new InvalidOperationException("Pulse:Redis:Endpoint is not set."));
        if (!string.IsNullOrEmpty(TlsCaFile))
        {
            if (!Tls)
            {
                throw new InvalidOperationException(TlsCaFileWithoutTls);
            }

            options.CertificateValidation += RedisServerTrust.IssuedBy(CertificateAuthority.Load(TlsCaFile, "Pulse:Redis:TlsCaFile"));
        }

        return options;
    }

    private const string TlsCaFileWithoutTls = "Pulse:Redis:TlsCaFile is set but Pulse:Redis:Tls is not: set Pulse:Redis:Tls=true (--redis-tls) as well.";

    /// <summary>Checked at start (ValidateOnStart): TLS settings that would otherwise fail only at the first connection.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrEmpty(TlsCaFile))
        {
            yield break;
        }

        if (!Tls)
        {
            yield return new ValidationResult(TlsCaFileWithoutTls, [nameof(TlsCaFile)]);
            yield break;
        }

        string? error = null;
        try
        {
            _ = CertificateAuthority.Load(TlsCaFile, "Pulse:Redis:TlsCaFile");
        }
        catch (InvalidOperationException ex)
        {
            error = ex.Message;
        }

        if (error is not null)
        {
            yield return new ValidationResult(error, [nameof(TlsCaFile)]);
        }
    }

    /// <summary><see cref="Password"/>, or the contents of <see cref="PasswordFile"/>; a clear error when both are set or the file cannot be read.</summary>
    public string? ResolvePassword()
    {
        if (string.IsNullOrEmpty(PasswordFile))
        {
            return string.IsNullOrEmpty(Password) ? null : Password;
        }

        if (!string.IsNullOrEmpty(Password))
        {
            throw new InvalidOperationException("Set Pulse:Redis:Password or Pulse:Redis:PasswordFile, not both.");
        }

        return SecretFile.Read(PasswordFile, "Pulse:Redis:PasswordFile");
    }
}
