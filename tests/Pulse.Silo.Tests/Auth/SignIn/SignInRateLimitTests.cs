using System.Net;
using System.Net.Http.Json;
using Pulse.Silo.Auth.SignIn;
using Pulse.Silo.Tests.Functional;
using Pulse.Testing;

namespace Pulse.Silo.Tests.Auth.SignIn;

/// <summary>The per-address sign-in limit: past the burst, 429 problem+json naming the policy, before any password is checked.</summary>
public sealed class SignInRateLimitTests : IAsyncLifetime
{
    private RunningHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await RunningHost.StartAsync(
        [
            $"--silo-port={FreePort.Next()}", $"--gateway-port={FreePort.Next()}",
            "--Pulse:RateLimits:SignInBurst=3", "--Pulse:RateLimits:SignInPerMinute=1",
        ]);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_fourth_attempt_in_a_minute_is_429_with_the_sign_in_policy()
    {
        for (var i = 0; i < 3; i++)
        {
            await ProblemAssert.IsAsync(await _host.Http.PostAsJsonAsync(SignInApi.Login, new { name = "zoe", password = "guessing away" }), HttpStatusCode.Unauthorized);
        }

        var limited = await _host.Http.PostAsJsonAsync(SignInApi.Login, new { name = "zoe", password = "guessing away" });

        var problem = await ProblemAssert.IsAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.Equal("sign-in", problem.GetProperty("policy").GetString());
        Assert.NotNull(limited.Headers.RetryAfter);
        await ProblemAssert.IsAsync(await _host.Http.GetAsync($"{OneTimeSignInLinks.Route}?token=x"), HttpStatusCode.TooManyRequests);
    }
}
