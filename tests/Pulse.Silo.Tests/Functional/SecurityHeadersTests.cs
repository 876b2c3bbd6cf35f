namespace Pulse.Silo.Tests.Functional;

/// <summary>The browser-facing headers on the dashboard page, its scripts and the API.</summary>
[Collection(PulseHostCollection.Name)]
public sealed class SecurityHeadersTests(PulseHostFixture host)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/app.js")]
    [InlineData("/api/brands")]
    public async Task Every_response_carries_a_csp_without_inline_script_nosniff_and_a_referrer_policy(string path)
    {
        using var response = await host.Http.GetAsync(new Uri(path, UriKind.Relative));

        response.EnsureSuccessStatusCode();
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }
}
