using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Pulse.Testing;

namespace Pulse.Silo.Tests.Auth.Oidc;

/// <summary>A person the provider signs in without asking (there is no login page): their subject, name and roles.</summary>
public sealed record TestSsoUser(string Subject, string Name, IReadOnlyList<string> Roles);

/// <summary>
/// A small OpenID provider on Kestrel (127.0.0.1) speaking the real protocol to Pulse's OpenID Connect handler: discovery,
/// a JWKS with an RSA key made here, an authorization endpoint that signs <see cref="User"/> in at once and answers with
/// the form_post page, and a token endpoint that checks the code, the client secret and the PKCE verifier and returns an
/// RS256 id_token. Written here rather than hosting OpenIddict: about 200 lines, every check visible in the test's own
/// code, and no second framework's in-memory stores to set up. One client: <see cref="ClientId"/>, registered for
/// <see cref="RedirectUri"/>.
/// </summary>
public sealed class TestOpenIdProvider : IAsyncDisposable
{
    public const string ClientId = "pulse-tests";
    private const string KeyId = "test-key-1";

    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key;
    private readonly RsaSecurityKey _forgedKey;
    private readonly ConcurrentDictionary<string, Grant> _grants = new(StringComparer.Ordinal);
    private int _idTokensIssued;

    private TestOpenIdProvider(Uri issuer)
    {
        Issuer = issuer;
        // The forged key claims the published key's id, so Pulse checks it against the published key and the signature fails.
        _key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = KeyId };
        _forgedKey = new RsaSecurityKey(RSA.Create(2048)) { KeyId = KeyId };
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(issuer.ToString());
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/.well-known/openid-configuration", Discovery);
        _app.MapGet("/jwks", Keys);
        _app.MapGet("/authorize", Authorize);
        _app.MapPost("/token", TokenAsync);
    }

    /// <summary>The issuer, e.g. http://127.0.0.1:43123 (what Pulse's Pulse:Auth:Oidc:Authority is set to).</summary>
    public Uri Issuer { get; }

    public string IssuerName => Issuer.GetLeftPart(UriPartial.Authority);

    public string ClientSecret { get; } = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    /// <summary>The only redirect URI the client may name (Pulse's /signin-oidc); set once Pulse's address is known.</summary>
    public Uri? RedirectUri { get; set; }

    /// <summary>Who the next sign-in is.</summary>
    public TestSsoUser User { get; set; } = new("nobody", "Nobody", []);

    /// <summary>Signs id_tokens with a key that is not the published one (a tampered or forged token).</summary>
    public bool SignWithAnotherKey { get; set; }

    /// <summary>How many id_tokens the token endpoint has handed out (a refusal after one was issued is the client's).</summary>
    public int IdTokensIssued => _idTokensIssued;

    /// <summary>Token requests refused so far, with the reason (what a test asserts never happened).</summary>
    public ConcurrentQueue<string> Refusals { get; } = new();

    public static async Task<TestOpenIdProvider> StartAsync()
    {
        var provider = new TestOpenIdProvider(new Uri($"http://127.0.0.1:{FreePort.Next()}"));
        await provider._app.StartAsync();
        return provider;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private IResult Discovery() => Results.Json(new Dictionary<string, object>
    {
        ["issuer"] = IssuerName,
        ["authorization_endpoint"] = $"{IssuerName}/authorize",
        ["token_endpoint"] = $"{IssuerName}/token",
        ["jwks_uri"] = $"{IssuerName}/jwks",
        ["response_types_supported"] = new[] { "code" },
        ["response_modes_supported"] = new[] { "query", "form_post" },
        ["subject_types_supported"] = new[] { "public" },
        ["id_token_signing_alg_values_supported"] = new[] { SecurityAlgorithms.RsaSha256 },
        ["code_challenge_methods_supported"] = new[] { "S256" },
        ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post" },
        ["scopes_supported"] = new[] { "openid", "profile", "email" },
    });

    private IResult Keys()
    {
        var rsa = _key.Rsa.ExportParameters(includePrivateParameters: false);
        return Results.Json(new
        {
            keys = new[]
            {
                new { kty = "RSA", use = "sig", alg = SecurityAlgorithms.RsaSha256, kid = KeyId, n = Base64UrlEncoder.Encode(rsa.Modulus), e = Base64UrlEncoder.Encode(rsa.Exponent) },
            },
        });
    }

    /// <summary>
    /// Checks the request as a provider must (known client, registered redirect URI, code flow, PKCE S256, state) and
    /// answers with the auto-submitting form that posts code and state back to the client. A bad client or redirect URI
    /// gets a 400 page, never a redirect (that would be an open redirector).
    /// </summary>
    private IResult Authorize(HttpRequest request)
    {
        var q = request.Query;
        if (q["client_id"] != ClientId || RedirectUri is null || q["redirect_uri"] != RedirectUri.ToString())
        {
            return Results.BadRequest($"Unknown client '{q["client_id"]}' or unregistered redirect_uri '{q["redirect_uri"]}'.");
        }

        string? problem =
            q["response_type"] != "code" ? "response_type must be code" :
            q["response_mode"] != "form_post" ? "response_mode must be form_post" :
            !$" {q["scope"]} ".Contains(" openid ", StringComparison.Ordinal) ? "scope must include openid" :
            q["code_challenge_method"] != "S256" ? "code_challenge_method must be S256" :
            string.IsNullOrEmpty(q["code_challenge"]) ? "code_challenge is missing" :
            string.IsNullOrEmpty(q["state"]) ? "state is missing" :
            string.IsNullOrEmpty(q["nonce"]) ? "nonce is missing" :
            null;
        if (problem is not null)
        {
            return Results.BadRequest(problem);
        }

        var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        _grants[code] = new Grant(RedirectUri.ToString(), q["code_challenge"]!, q["nonce"]!, User);
        return Results.Content(FormPost(RedirectUri, ("code", code), ("state", q["state"]!)), "text/html; charset=utf-8");
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        if (form["client_id"] != ClientId || !SameSecret(form["client_secret"].ToString(), ClientSecret))
        {
            return Refuse(StatusCodes.Status401Unauthorized, "invalid_client", "wrong client id or secret");
        }

        if (form["grant_type"] != "authorization_code" || !_grants.TryRemove(form["code"].ToString(), out var grant))
        {
            return Refuse(StatusCodes.Status400BadRequest, "invalid_grant", "unknown or used code");
        }

        if (form["redirect_uri"] != grant.RedirectUri)
        {
            return Refuse(StatusCodes.Status400BadRequest, "invalid_grant", "redirect_uri differs from the authorization request's");
        }

        var verifier = form["code_verifier"].ToString();
        if (verifier.Length == 0 || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) != grant.CodeChallenge)
        {
            return Refuse(StatusCodes.Status400BadRequest, "invalid_grant", "code_verifier does not match the code_challenge");
        }

        var accessToken = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        return Results.Json(new Dictionary<string, object>
        {
            ["access_token"] = accessToken,
            ["token_type"] = "Bearer",
            ["expires_in"] = 300,
            ["id_token"] = IdToken(grant, accessToken),
        });
    }

    private string IdToken(Grant grant, string accessToken)
    {
        var now = DateTime.UtcNow;
        Interlocked.Increment(ref _idTokensIssued);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = IssuerName,
            Audience = ClientId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = grant.User.Subject,
                ["nonce"] = grant.Nonce,
                ["name"] = grant.User.Name,
                ["roles"] = grant.User.Roles.ToArray(),
                // The left half of the access token's SHA-256 (OpenID Connect Core 3.3.2.11).
                ["at_hash"] = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(accessToken))[..16]),
            },
            SigningCredentials = new SigningCredentials(SignWithAnotherKey ? _forgedKey : _key, SecurityAlgorithms.RsaSha256),
        });
    }

    private IResult Refuse(int status, string error, string reason)
    {
        Refusals.Enqueue(reason);
        return Results.Json(new { error, error_description = reason }, statusCode: status);
    }

    private static bool SameSecret(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));

    /// <summary>The form_post answer (OAuth 2.0 Form Post Response Mode): a page whose form posts the fields to the client.</summary>
    private static string FormPost(Uri action, params (string Name, string Value)[] fields)
    {
        var html = new StringBuilder("<!doctype html><html><head><title>Signing in</title></head><body onload=\"document.forms[0].submit()\">");
        html.Append("<form method=\"post\" action=\"").Append(WebUtility.HtmlEncode(action.ToString())).Append("\">");
        foreach (var (name, value) in fields)
        {
            html.Append("<input type=\"hidden\" name=\"").Append(WebUtility.HtmlEncode(name)).Append("\" value=\"").Append(WebUtility.HtmlEncode(value)).Append("\"/>");
        }

        return html.Append("<noscript><button type=\"submit\">Continue</button></noscript></form></body></html>").ToString();
    }

    private sealed record Grant(string RedirectUri, string CodeChallenge, string Nonce, TestSsoUser User);
}
