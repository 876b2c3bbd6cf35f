using System.Globalization;

namespace Pulse.Silo.Cli.Load;

/// <summary>Parses <c>pulse load</c>'s arguments into <see cref="LoadOptions"/>, with a message naming what is wrong.</summary>
internal static class LoadArguments
{
    private static readonly HashSet<string> Switches = new(StringComparer.Ordinal) { "--max", "--setup-brands", "-h", "--help" };

    private static readonly HashSet<string> ValueFlags = new(StringComparer.Ordinal)
    {
        "--url", "--rate", "--duration", "--warmup", "--brands", "--batch", "--connections", "--redis", "--cluster-id", "--partitions", "--report", "--seed", "--key-file",
    };

    /// <summary>Null with a null <paramref name="error"/> means help was asked for.</summary>
    public static LoadOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        var urls = new List<Uri>();
        double? rate = null;
        var max = false;
        var duration = LoadOptions.DefaultDuration;
        var warmup = TimeSpan.Zero;
        int brands = LoadOptions.DefaultBrands, batch = LoadOptions.DefaultBatch, connections = LoadOptions.DefaultConnections;
        int partitions = LoadOptions.DefaultPartitions;
        var setupBrands = false;
        string? redis = null, report = null, clusterId = null, keyFile = null;
        ulong seed = 1;
        var partitionsGiven = false;

        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (Switches.Contains(name))
            {
                switch (name)
                {
                    case "--max":
                        max = true;
                        break;
                    case "--setup-brands":
                        setupBrands = true;
                        break;
                    default:
                        error = null;
                        return null;
                }

                continue;
            }

            if (!ValueFlags.Contains(name))
            {
                error = $"unknown argument '{name}'";
                return null;
            }

            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                error = $"{name} needs a value";
                return null;
            }

            var value = args[++i];
            error = name switch
            {
                "--url" => AddUrl(value, urls),
                "--rate" => Positive(name, value, out var r) ?? Set(out rate, r),
                "--duration" => ParseDuration(value, out duration),
                "--warmup" => value == "0" ? Set(out warmup, TimeSpan.Zero) : ParseDuration(value, out warmup, name),
                "--brands" => Count(name, value, 1, 100_000, out brands),
                "--batch" => Count(name, value, 1, 10_000, out batch),
                "--connections" => Count(name, value, 1, 1024, out connections),
                "--partitions" => Count(name, value, 1, 1024, out partitions) ?? Set(out partitionsGiven, true),
                "--redis" => Set(out redis, value),
                "--cluster-id" => Set(out clusterId, value),
                "--report" => Set(out report, value),
                "--key-file" => Set(out keyFile, value),
                _ => ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out seed) ? null : $"--seed must be a non-negative integer, not '{value}'",
            };
            if (error is not null)
            {
                return null;
            }
        }

        error = urls.Count == 0 ? "--url is required (the Pulse host to load; also read back for processed counts and latency)"
            : max && rate is not null ? "--rate and --max exclude each other"
            : !max && rate is null ? "either --rate N or --max is required"
            : redis is null && (partitionsGiven || clusterId is not null) ? "--cluster-id and --partitions only apply with --redis"
            : null;
        return error is null
            ? new LoadOptions(urls, rate, duration, warmup, brands, batch, connections, setupBrands, redis, clusterId ?? LoadOptions.DefaultClusterId, partitions, report, seed, keyFile)
            : null;
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

    private static string? AddUrl(string text, List<Uri> urls)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return $"--url must be an absolute http(s) URL like http://localhost:5080, not '{text}'";
        }

        urls.Add(uri);
        return null;
    }

    private static string? Positive(string name, string text, out double value) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value) && value > 0 && double.IsFinite(value)
            ? null
            : $"{name} must be a positive number, not '{text}'";

    private static string? Count(string name, string text, int min, int max, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max
            ? null
            : $"{name} must be a whole number from {min} to {max}, not '{text}'";

    private static string? Set<T>(out T target, T value)
    {
        target = value;
        return null;
    }
}
