namespace Pulse.Silo.Hosting;

/// <summary>
/// ASP.NET Core's host filtering (<c>AllowedHosts</c>) for Pulse's defaults. A Pulse listening on loopback only, as the
/// embedded default does, answers only requests naming a loopback host: a web page whose own name an attacker points at
/// 127.0.0.1 (DNS rebinding) then gets 400 instead of talking to it. Listening elsewhere, the names it is reached by are
/// the operator's to list (<c>AllowedHosts=pulse.example.com</c>); until they are, the start logs a warning.
/// </summary>
public static partial class AllowedHostsDefault
{
    public const string Key = "AllowedHosts";

    public const string Loopback = "localhost;127.0.0.1;[::1]";

    /// <summary>Sets <see cref="Loopback"/> when no AllowedHosts is configured and every URL Pulse listens on is loopback.</summary>
    public static void Apply(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (string.IsNullOrEmpty(configuration[Key]) && ListensOnLoopbackOnly(configuration["urls"]))
        {
            configuration[Key] = Loopback;
        }
    }

    /// <summary>Whether every one of <paramref name="urls"/> (';'-separated, as --urls takes them) binds a loopback host.</summary>
    public static bool ListensOnLoopbackOnly(string? urls)
    {
        var all = (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return all.Length > 0 && all.All(url =>
            Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && (uri.IsLoopback || string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>Warns at start when Pulse listens beyond loopback and believes any Host header.</summary>
    public static void WarnIfOpen(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var allowed = app.Configuration[Key];
        if (string.IsNullOrEmpty(allowed) || allowed.Trim() == "*")
        {
            LogAnyHost(app.Logger, app.Configuration["urls"] ?? "(default)");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pulse listens on {Urls} and accepts any Host header: set AllowedHosts to the names it is reached by (e.g. AllowedHosts=pulse.example.com), so DNS-rebinding pages cannot reach it.")]
    private static partial void LogAnyHost(ILogger logger, string urls);
}
