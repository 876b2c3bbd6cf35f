using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Pulse.Silo.Auth.Users;

namespace Pulse.Silo.Auth.SignIn;

/// <summary>
/// While no account exists, each start prints <c>Sign in: http://host:port/auth/once?token=…</c>: the one way in for the
/// first person, who then creates accounts (<c>POST /api/users</c>). Printed once the server listens, so the address is
/// the real one (and comes right after Kestrel's "Now listening on", beside the URL people look for).
/// </summary>
internal sealed partial class FirstStartSignInLink(
    IPulseUserStore users,
    OneTimeSignInLinks links,
    IServer server,
    IHostApplicationLifetime lifetime,
    SignInConsole console,
    ILogger<FirstStartSignInLink> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(started.SetResult))
        {
            await started.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
        }

        try
        {
            if (await users.AnyAsync(stoppingToken).ConfigureAwait(false))
            {
                return;
            }

            var (token, expiresAt) = await links.IssueAsync(stoppingToken).ConfigureAwait(false);
            await console.Out.WriteLineAsync(
                $"Sign in: {OneTimeSignInLinks.Link(BaseAddress(), token)}  (one-time admin link: no account exists yet; valid for {OneTimeToken.Lifetime.TotalMinutes:0} minutes, once)")
                .ConfigureAwait(false);
            await console.Out.FlushAsync(stoppingToken).ConfigureAwait(false);
            LogPrinted(expiresAt);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // Redis down at start, say: the silo still serves API keys; a restart prints the link again.
            LogFailed(ex);
        }
    }

    /// <summary>The first address the server listens on, a wildcard host shown as localhost so the link can be opened.</summary>
    private Uri BaseAddress()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault() ?? "http://localhost:5080";
        var builder = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (builder.Host is "0.0.0.0" or "[::]" or "::")
        {
            builder.Host = "localhost";
        }

        return builder.Uri;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No account exists: printed a one-time sign-in link on the console, valid until {ExpiresAt}.")]
    private partial void LogPrinted(DateTimeOffset expiresAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not issue the first start's sign-in link; restart to try again, or add an account with `pulse users add`.")]
    private partial void LogFailed(Exception exception);
}
