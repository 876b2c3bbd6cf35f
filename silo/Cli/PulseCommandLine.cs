using Pulse.Silo.Hosting;

namespace Pulse.Silo.Cli;

/// <summary>`pulse` runs the silo; `pulse VERB ...` runs a tool verb.</summary>
public static class PulseCommandLine
{
    public const string Usage = """
        pulse [--demo] [--urls URL] [--brands FILE] [--silo-port N] [--gateway-port N]
            Runs one silo on the embedded default (localhost clustering, in-memory state and streams)
            serving the dashboard and API (default http://localhost:5080).
            --demo     generate demo brands and mentions, with a crisis spike every few minutes
            --brands   a JSON file of brands to add at start
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Any(a => a is "--help" or "-h" or "help"))
        {
            Console.WriteLine(Usage);
            return 0;
        }

        string[] configArgs;
        try
        {
            configArgs = ServeArguments.ToConfiguration(args);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message + Environment.NewLine + Usage);
            return 2;
        }

        var app = CreateApp(configArgs);
        await app.RunAsync();
        return 0;
    }

    /// <summary>The web app with the silo inside; tests build it the same way.</summary>
    public static WebApplication CreateApp(string[] configArgs, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(configArgs);
        builder.AddPulse();
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapPulse();
        return app;
    }
}
