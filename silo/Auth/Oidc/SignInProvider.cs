namespace Pulse.Silo.Auth.Oidc;

/// <summary>
/// <c>GET /auth/providers</c>: one way to sign in other than a password, e.g.
/// <c>{"id":"oidc","name":"Sign in with Contoso","url":"/auth/oidc"}</c>.
/// </summary>
public sealed record SignInProvider(string Id, string Name, string Url);
