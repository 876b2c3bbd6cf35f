using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Pulse.CommandLine;

namespace Pulse.Load;

/// <summary><c>pulse-load</c>'s command line (System.CommandLine): every option checked as it is parsed, with a message naming it.</summary>
internal sealed class LoadArguments
{
    public const string Name = "pulse-load";

    private readonly Option<Uri[]> _urls = new("--url")
    {
        Description = "A Pulse host (repeat for several: batches go round-robin); one host is read back for processed counts on /metrics, several (a cluster) through the first one's overview; the first also for latency",
        HelpName = "http://host:port",
        CustomParser = ParseUrls,
    };

    private readonly Option<double?> _rate = ToolOptions.Positive("--rate", "Mentions per second to offer");
    private readonly Option<bool> _max = new("--max") { Description = "Send as fast as the server takes them" };
    private readonly Option<TimeSpan> _duration = Duration("--duration", LoadOptions.DefaultDuration, "How long the measured run sends (60s, 5m, 500ms)");
    private readonly Option<TimeSpan> _warmup = Duration("--warmup", TimeSpan.Zero, "Sent first at the same rate and left out of every figure (0 for none)");
    private readonly Option<int> _brands = ToolOptions.Count("--brands", 1, 100_000, LoadOptions.DefaultBrands, "Generated brands (load-0000, load-0001, ...)");
    private readonly Option<BrandSpread> _spread = ToolOptions.OneOf("--spread", BrandSpread.Zipf, "How traffic spreads over the brands: zipf (share 1/rank) or uniform");
    private readonly Option<int> _batch = ToolOptions.Count("--batch", 1, 10_000, LoadOptions.DefaultBatch, "Mentions per request (paced runs send about 20 batches a second, smaller when the rate asks)");
    private readonly Option<int> _connections = ToolOptions.Count("--connections", 1, 1024, LoadOptions.DefaultConnections, "Concurrent senders");
    private readonly Option<bool> _setupBrands = new("--setup-brands") { Description = "Create the generated brands the host is missing (POST /api/brands:import in batches, else one PUT each)" };
    private readonly Option<string> _redis = new("--redis") { Description = "Append to the ingest log in this Redis instead of POSTing", HelpName = "HOST:PORT" };
    private readonly Option<string> _clusterId = new("--cluster-id") { Description = "The cluster's id (with --redis)", DefaultValueFactory = _ => LoadOptions.DefaultClusterId };
    private readonly Option<int> _partitions = ToolOptions.Count("--partitions", 1, 1024, LoadOptions.DefaultPartitions, "The cluster's ingest partitions (with --redis)");
    private readonly Option<string> _report = new("--report") { Description = "Also write the report as JSON to this file", HelpName = "FILE.json" };
    private readonly Option<ulong> _seed = new("--seed")
    {
        Description = "Seed of the generated brands and mentions",
        DefaultValueFactory = _ => 1,
        CustomParser = r => ulong.TryParse(ToolOptions.TokenOf(r), NumberStyles.None, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : ToolOptions.Fail<ulong>(r, $"--seed must be a non-negative integer, not '{ToolOptions.TokenOf(r)}'"),
    };

    private readonly Option<string> _keyFile = new("--key-file") { Description = $"A file holding the API key (an admin's); else ${LoadOptions.KeyVariable}", HelpName = "FILE" };
    private readonly Option<int?> _serverPid = new("--server-pid")
    {
        Description = "A Pulse process on this machine: the report gives its memory (VmRSS) before and after, and its peak (VmHWM)",
        HelpName = "PID",
        CustomParser = r => int.TryParse(ToolOptions.TokenOf(r), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0
            ? pid
            : ToolOptions.Fail<int?>(r, $"--server-pid must be a process id, not '{ToolOptions.TokenOf(r)}'"),
    };

    public LoadArguments()
    {
        Command = ToolCommandLine.Root(Name, """
            Pulse's load generator: generated brands, English and German posts on every channel, POSTed as NDJSON or (--redis)
            appended to the ingest log. Reports accepted (accept phase) and processed (end to end) rates, errors, request and
            ingest-to-hub latency (probes over SignalR), and with --server-pid the server's memory.
            Exit 1 when nothing was accepted or processed, or a paced run accepted under half its target; 2 for bad arguments.
            """);
        foreach (var option in (Option[])[_urls, _rate, _max, _duration, _warmup, _brands, _spread, _batch, _connections, _setupBrands,
                     _redis, _clusterId, _partitions, _report, _seed, _keyFile, _serverPid])
        {
            Command.Options.Add(option);
        }

        Command.Validators.Add(Validate);
    }

    public Command Command { get; }

    /// <summary>Parses <paramref name="args"/>; null with the error messages when they are not valid.</summary>
    public static LoadOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        var arguments = new LoadArguments();
        var parsed = ToolCommandLine.Parse(arguments.Command, args);
        error = parsed.Errors.Count == 0 ? null : string.Join(Environment.NewLine, parsed.Errors.Select(e => e.Message));
        return error is null ? arguments.Read(parsed) : null;
    }

    public LoadOptions Read(ParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        return new LoadOptions(
            parsed.GetValue(_urls) ?? [],
            parsed.GetValue(_rate),
            parsed.GetValue(_duration),
            parsed.GetValue(_warmup),
            parsed.GetValue(_brands),
            parsed.GetValue(_batch),
            parsed.GetValue(_connections),
            parsed.GetValue(_setupBrands),
            parsed.GetValue(_redis),
            parsed.GetValue(_clusterId) ?? LoadOptions.DefaultClusterId,
            parsed.GetValue(_partitions),
            parsed.GetValue(_report),
            parsed.GetValue(_seed),
            parsed.GetValue(_keyFile),
            parsed.GetValue(_spread),
            parsed.GetValue(_serverPid));
    }

    /// <summary>A duration such as <c>60s</c>, <c>2m</c>, <c>500ms</c>, or plain seconds.</summary>
    internal static string? ParseDuration(string text, out TimeSpan duration, string name = "--duration")
    {
        duration = default;
        var (number, unit) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 0.001)
            : text.EndsWith('s') ? (text[..^1], 1.0)
            : text.EndsWith('m') ? (text[..^1], 60.0)
            : text.EndsWith('h') ? (text[..^1], 3600.0)
            : (text, 1.0);
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value * unit < 0.1 || value * unit > 86_400)
        {
            return $"{name} must be between 100ms and 24h, like 60s, 5m or 500ms, not '{text}'";
        }

        duration = TimeSpan.FromSeconds(value * unit);
        return null;
    }

    /// <summary>The rules between options; each message names the options.</summary>
    private void Validate(CommandResult command)
    {
        bool Given(Option option) => command.GetResult(option) is { Implicit: false };
        var error = !Given(_urls) ? "--url is required (the Pulse host to load; also read back for processed counts and latency)"
            : Given(_rate) && command.GetValue(_max) ? "--rate and --max exclude each other"
            : !Given(_rate) && !command.GetValue(_max) ? "either --rate N or --max is required"
            : !Given(_redis) && (Given(_partitions) || Given(_clusterId)) ? "--cluster-id and --partitions only apply with --redis"
            : null;
        if (error is not null)
        {
            command.AddError(error);
        }
    }

    private static Option<TimeSpan> Duration(string name, TimeSpan defaultValue, string description) =>
        new(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            HelpName = "60s",
            CustomParser = r =>
            {
                var text = ToolOptions.TokenOf(r);
                if (name == "--warmup" && text == "0")
                {
                    return TimeSpan.Zero;
                }

                return ParseDuration(text, out var duration, name) is { } error ? ToolOptions.Fail<TimeSpan>(r, error) : duration;
            },
        };

    private static Uri[] ParseUrls(ArgumentResult result)
    {
        var urls = new List<Uri>(result.Tokens.Count);
        foreach (var token in result.Tokens)
        {
            if (!Uri.TryCreate(token.Value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                return ToolOptions.Fail<Uri[]>(result, $"--url must be an absolute http(s) URL like http://localhost:5080, not '{token.Value}'");
            }

            urls.Add(uri);
        }

        return [.. urls];
    }
}
