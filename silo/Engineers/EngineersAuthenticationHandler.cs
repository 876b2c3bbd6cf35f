using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Pulse.Silo.Engineers;

/// <summary>
/// The "Engineers" scheme guarding the Orleans dashboard, which has no authentication of its own: HTTP Basic against
/// <see cref="EngineersOptions"/> when a password is configured, otherwise any loopback client and nobody else.
/// </summary>
internal sealed class EngineersAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<EngineersOptions> engineers) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Engineers";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var settings = engineers.Value;
        if (!settings.RequiresPassword)
        {
            return Task.FromResult(IsLoopback(Context.Connection.RemoteIpAddress) ? Success("loopback") : AuthenticateResult.NoResult());
        }

        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || header.Parameter is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!TryDecode(header.Parameter, out var user, out var password))
        {
            return Task.FromResult(AuthenticateResult.Fail("Malformed Basic credentials."));
        }

        // Both compared every time (non-short-circuit &), each in constant time.
        var valid = SecretEquals(user, settings.User) & SecretEquals(password, settings.Password!);
        return Task.FromResult(valid ? Success(user) : AuthenticateResult.Fail("Wrong user or password."));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (engineers.Value.RequiresPassword)
        {
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            Response.Headers.WWWAuthenticate = "Basic realm=\"Pulse engineers\", charset=\"UTF-8\"";
            return;
        }

        // No credential could help: without a password the dashboard is for this machine only.
        await Results.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "Orleans dashboard is local only",
            detail: $"Open it from this machine (loopback), or set {EngineersOptions.Section}:Password to allow HTTP Basic sign-in from elsewhere.")
            .ExecuteAsync(Context);
    }

    private static AuthenticateResult Success(string name)
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    internal static bool IsLoopback(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    private static bool TryDecode(string parameter, out string user, out string password)
    {
        user = password = "";
        Span<byte> buffer = stackalloc byte[512];
        if (!Convert.TryFromBase64String(parameter, buffer, out var written))
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(buffer[..written]);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return false;
        }

        user = text[..colon];
        password = text[(colon + 1)..];
        return true;
    }

    // Hashing first gives equal lengths, so the comparison's time says nothing about the secret, not even its length.
    private static bool SecretEquals(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
