using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Pulse.Silo.Auth.Teams;

namespace Pulse.Silo.Auth.Keys;

/// <summary>
/// The "ApiKey" scheme: <c>Authorization: Bearer pulse_…</c> (<see cref="ApiKeyCredential"/>) looked up by its SHA-256 in <see cref="IApiKeyStore"/> (or
/// matched against the bootstrap admin key). No header is no result, so other schemes (cookies, later) can answer;
/// a Bearer secret that matches nothing fails. Challenges and refusals are problem+json like every other Pulse error.
/// </summary>
internal sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IApiKeyStore store,
    BootstrapAdminKey bootstrap,
    TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    /// <summary>A key's principal id is this and its public id (<see cref="StoredApiKey.Id"/>).</summary>
    public const string IdPrefix = "key:";

    private const string Realm = "Bearer realm=\"pulse\"";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!ApiKeyCredential.TryRead(Request, out var secret))
        {
            return AuthenticateResult.NoResult();
        }

        if (secret.Length == 0)
        {
            return AuthenticateResult.Fail("The Bearer header carries no key.");
        }

        var hash = ApiKeySecret.Hash(secret);
        if (bootstrap.Matches(hash))
        {
            return Success(BootstrapAdminKey.Id, BootstrapAdminKey.Name, PulseRole.Admin, []);
        }

        var key = await store.FindByHashAsync(hash, Context.RequestAborted).ConfigureAwait(false);
        if (key is null)
        {
            LogUnknownKey(Logger, Context.Connection.RemoteIpAddress);
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        var now = clock.GetUtcNow();
        if (ApiKeyUsage.ShouldRecord(key, now))
        {
            await store.TouchAsync(key.Hash, now, Context.RequestAborted).ConfigureAwait(false);
        }

        return Success(key.Id, key.Name, key.Role, key.Brands);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync().ConfigureAwait(false);
        var failed = result.Failure is not null;
        Response.Headers.WWWAuthenticate = failed ? $"{Realm}, error=\"invalid_token\"" : Realm;
        await Results.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: failed ? "Invalid API key" : "Authentication required",
                detail: failed
                    ? $"{result.Failure!.Message} Send a current key as 'Authorization: Bearer {ApiKeySecret.Prefix}…'."
                    : $"Send an API key as 'Authorization: Bearer {ApiKeySecret.Prefix}…'. An admin creates keys with POST /api/keys.")
            .ExecuteAsync(Context).ConfigureAwait(false);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var role = Context.User.FindFirst(System.Security.Claims.ClaimTypes.Role)?.Value ?? "none";
        return Results.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Not allowed for this role",
                detail: $"This key's role ({role}) may not do this. See the roles in README (viewer, responder, admin, ingest)." + TeamProblems.ForbiddenNote(Context.User))
            .ExecuteAsync(Context);
    }

    private static AuthenticateResult Success(string id, string name, PulseRole role, IReadOnlyList<string> brands) =>
        AuthenticateResult.Success(new AuthenticationTicket(
            PulseClaims.Principal(SchemeName, PulseClaims.ApiKeyKind, IdPrefix + id, name, role, brands), SchemeName));

    // Debug: a client retrying a wrong key, or someone guessing, would otherwise flood the log.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Refused an unknown or revoked API key from {Client}.")]
    private static partial void LogUnknownKey(ILogger logger, System.Net.IPAddress? client);
}
