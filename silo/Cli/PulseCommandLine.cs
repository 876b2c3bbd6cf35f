using System.CommandLine;
using Pulse.CommandLine;
using Pulse.Silo.Cli.Users;
using Pulse.Silo.Hosting;

namespace Pulse.Silo.Cli;

/// <summary>`pulse` runs the silo (or a dashboard-only host); `pulse users ...` manages accounts. System.CommandLine parses both.</summary>
public static class PulseCommandLine
{
    private const string Description = """
        Runs one Pulse host. By default one silo on the embedded default (localhost clustering, in-memory state and streams)
        serving the dashboard and API (default http://localhost:5080).
        With --redis HOST:PORT, one silo of a cluster: membership, grain state and the ingest log live in Redis; every
        `pulse --redis` with the same Redis and --cluster-id joins. Silos bind loopback unless --advertise gives this
        machine's IP (then they listen on all addresses and advertise that one).
        With --dashboard-only --redis HOST:PORT, an Orleans client of that cluster serving the dashboard, hub, read, brand and
        alert APIs; no silo, no ingest.
        Any other --Section:Key=value sets that configuration key (appsettings.json, PULSE__... environment variables).
        The load generator and the detect and sentiment evaluators are tools of their own: pulse-load, pulse-detect and
        pulse-sentiment (tools/).
        """;

    /// <summary>The tools that were `pulse` verbs once: where they are now.</summary>
    private static readonly (string Verb, string Tool, string Project)[] MovedVerbs =
    [
        ("load", "pulse-load", "tools/Pulse.Load"),
        ("detect", "pulse-detect", "tools/Pulse.Detect"),
        ("sentiment", "pulse-sentiment", "tools/Pulse.SentimentEval"),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        string[] normalized;
        try
        {
            normalized = ServeArguments.Normalize(args);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync("pulse: " + ex.Message);
            return ToolExit.BadInput;
        }

        var root = Create(
            async (configArgs, _) =>
            {
                // The host stops itself on Ctrl+C and SIGTERM (graceful shutdown), as before.
                await CreateApp(configArgs).RunAsync();
                return ToolExit.Ok;
            },
            Console.In, Console.Out, Console.Error, interactive: !Console.IsInputRedirected);
        return await ToolCommandLine.InvokeAsync(root, normalized, Console.Out, Console.Error);
    }

    /// <summary>
    /// `pulse`'s command line: serving flags on the root (its action gets the configuration arguments), `users`, and the
    /// verbs that moved to tools, each answering where it went.
    /// </summary>
    public static Command Create(Func<string[], CancellationToken, Task<int>> serve, TextReader stdin, TextWriter stdout, TextWriter stderr, bool interactive)
    {
        ArgumentNullException.ThrowIfNull(serve);
        var root = ToolCommandLine.Root("pulse", Description);
        ServeArguments.AddTo(root);
        root.SetAction((parsed, cancellationToken) => serve(ServeArguments.ToConfiguration(parsed), cancellationToken));
        root.Subcommands.Add(UsersCommand.Command(stdin, stdout, stderr, interactive));
        foreach (var (verb, tool, project) in MovedVerbs)
        {
            var moved = new Command(verb) { Hidden = true, TreatUnmatchedTokensAsErrors = false };
            moved.SetAction(async _ =>
            {
                await stderr.WriteLineAsync($"pulse {verb} is now the tool {tool}: dotnet run -c Release --project {project} -- ARGS (or tools/{tool} ARGS)").ConfigureAwait(false);
                return ToolExit.BadInput;
            });
            root.Subcommands.Add(moved);
        }

        // `pulse help` as `pulse --help`, as it always did.
        var help = new Command("help") { Hidden = true };
        help.SetAction(parsed => ToolCommandLine.Parse(root, ["--help"]).Invoke(new InvocationConfiguration { Output = stdout }));
        root.Subcommands.Add(help);
        return root;
    }

    /// <summary>The web app with the silo inside; tests build it the same way.</summary>
    public static WebApplication CreateApp(string[] configArgs, Action<WebApplicationBuilder>? configure = null)
    {
        // Content root = the app's folder, so appsettings.json and the demo brands are found wherever `pulse` is started from.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = configArgs, ContentRootPath = AppContext.BaseDirectory });
        builder.AddPulse();
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapPulse();
        return app;
    }
}
