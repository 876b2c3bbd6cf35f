using Microsoft.Extensions.Options;
using Pulse.Silo.Cli;
using Pulse.Testing;

namespace Pulse.Silo.Tests.Auth;

/// <summary>Starts a host that must not start: settings checked at start (ValidateOnStart) stop it before it serves.</summary>
internal static class HostStart
{
    /// <summary>The validation failure a host with <paramref name="settings"/> (plus free ports, quiet logs) stops with.</summary>
    public static async Task<OptionsValidationException> FailsAsync(params string[] settings)
    {
        var app = PulseCommandLine.CreateApp(
        [
            $"--urls=http://127.0.0.1:{FreePort.Next()}",
            $"--Pulse:SiloPort={FreePort.Next()}",
            $"--Pulse:GatewayPort={FreePort.Next()}",
            "--Logging:LogLevel:Default=Warning",
            .. settings,
        ]);
        try
        {
            return await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        }
        finally
        {
            await app.DisposeAsync();
        }
    }
}
