using Pulse.Silo.Cli.Detect;
using Pulse.Silo.Cli.Load;
using Pulse.Silo.Cli.Sentiment;
using Pulse.Silo.Cli.Users;
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
        pulse --redis HOST:PORT [--redis-password-file PATH] [--redis-tls [--redis-tls-ca CA.pem]] [--cluster-id ID]
              [--advertise IP] [--silo-port N] [--gateway-port N] [--urls URL] [--brands FILE] [--demo]
            Runs one silo of a cluster: membership, grain state and the ingest log live in Redis; every
            `pulse --redis` with the same Redis and cluster id joins. Silos bind loopback unless --advertise
            gives this machine's IP (then they listen on all addresses and advertise that one).
        pulse --dashboard-only --redis HOST:PORT [--gateway HOST:PORT[,...]] [--urls URL]
            An Orleans client of that cluster serving the dashboard, hub, read, brand and alert APIs; no
            silo, no ingest. --gateway names silo gateways instead of finding them in Redis.
        pulse detect --input FILE.csv --output OUT.csv [--sensitivity low|normal|high]
            Runs the spike detector the grains use over a timestamp,value series (NAB format): any finite
            values; rows observed in input order, a repeated or earlier timestamp at the latest time so far.
        pulse sentiment [--eval FILE...]
            Scores stdin lines (`gold<TAB>text` or text) as `label<TAB>score<TAB>lang`;
            --eval prints accuracy, macro-F1 and per-class F1 (Pearson r for numeric gold).
        pulse load --url URL [--url URL...] (--rate N | --max) [--duration 60s] [--brands 1000] [--batch 1000]
                   [--connections 8] [--setup-brands] [--redis HOST:PORT [--cluster-id pulse] [--partitions 8]]
                   [--report FILE.json] [--seed N]
            Load generator: generated brands (--setup-brands creates the missing ones), English and German posts on
            every channel, POSTed as NDJSON or (--redis) appended to the ingest log; reports accepted and processed
            rates, errors, request and ingest-to-hub latency (probes over SignalR). Paced batches shrink to rate/20.
            Exit 1 when nothing was accepted or processed, or a paced run accepted under half its target.
        pulse users add NAME --role viewer|responder|admin [--brands ID,ID] [--password-file FILE] --redis HOST:PORT
                        [--cluster-id ID] [--redis-password-file FILE] [--redis-tls [--redis-tls-ca CA.pem]]
            Creates a dashboard account in a cluster's Redis (password from the file, piped stdin or a prompt).
            Embedded mode keeps accounts in the running process: use the one-time link it prints at start.
        """;

    /// <summary>Tool verbs: `pulse VERB args...`. Each takes its own arguments and returns an exit code.</summary>
    private static readonly Dictionary<string, Func<string[], Task<int>>> Verbs = new(StringComparer.Ordinal)
    {
        ["detect"] = args => DetectCommand.RunAsync(args, Console.Out, Console.Error),
        ["sentiment"] = args => SentimentCommand.RunAsync(args, Console.In, Console.Out, Console.Error),
        ["load"] = LoadAsync,
        ["users"] = args => UsersCommand.RunAsync(args, Console.In, Console.Out, Console.Error, interactive: !Console.IsInputRedirected),
    };

    private static async Task<int> LoadAsync(string[] args)
    {
        // Ctrl+C stops sending; the run so far is still reported.
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        return await LoadCommand.RunAsync(args, Console.Out, Console.Error, terminal: !Console.IsOutputRedirected, TimeProvider.System, stop.Token);
    }

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length > 0 && Verbs.TryGetValue(args[0], out var verb))
        {
            return await verb(args[1..]);
        }

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
        // Content root = the app's folder, so appsettings.json and the demo brands are found wherever `pulse` is started from.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = configArgs, ContentRootPath = AppContext.BaseDirectory });
        builder.AddPulse();
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapPulse();
        return app;
    }
}
