namespace Pulse.Silo.Auth.SignIn;

/// <summary><c>POST /auth/login</c>.</summary>
public sealed record LoginRequest(string? Name, string? Password);

/// <summary>
/// <c>GET /auth/me</c>: who the app is signed in as. <see cref="XsrfToken"/> (cookie sessions only) goes back as the
/// <c>X-XSRF-TOKEN</c> header on writes.
/// </summary>
public sealed record MeView(string Name, string Role, IReadOnlyList<string> Brands, string Kind, string? XsrfToken);
