using StackExchange.Redis;

namespace Pulse.Silo.Cli.Load;

/// <summary>
/// <c>pulse load</c>: offers a realistic mention stream to a Pulse host (over HTTP, or straight into the ingest log
/// in Redis), reads back what Pulse processed, times ingest-to-hub latency with probes, and reports.
/// </summary>
public static class LoadCommand
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadInput = 2;

    public const string Usage = """
        usage: pulse load --url http://host:port [--url ...] (--rate N | --max) [--duration 60s] [--warmup 10s] [--brands 1000]
                          [--batch 1000] [--connections 8] [--setup-brands] [--redis HOST:PORT [--cluster-id pulse]
                          [--partitions 8]] [--report FILE.json] [--seed N] [--key-file FILE]
        The API key (an admin's: it sets up brands and ingests) is read from --key-file, else from PULSE_API_KEY.
        """;

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr) =>
        RunAsync(args, stdout, stderr, terminal: false, TimeProvider.System, CancellationToken.None);

    /// <param name="terminal">Rewrite one progress line in place instead of printing a line per second.</param>
    /// <param name="cancellationToken">Stops sending early (Ctrl+C); the run is still reported.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, bool terminal, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        var options = LoadArguments.Parse(args, out var error);
        if (options is null)
        {
            if (error is null)
            {
                await stdout.WriteLineAsync(Usage).ConfigureAwait(false);
                return Ok;
            }

            await stderr.WriteLineAsync($"pulse load: {error}\n{Usage}").ConfigureAwait(false);
            return BadInput;
        }

        string? key;
        try
        {
            key = options.KeyFile is { } file
                ? (await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false)).Trim()
                : Environment.GetEnvironmentVariable(LoadOptions.KeyVariable)?.Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"pulse load: cannot read --key-file: {e.Message}").ConfigureAwait(false);
            return BadInput;
        }

        LoadReport report;
        try
        {
            report = await new LoadRun(options, key, stdout, terminal, time).RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or RedisException or IOException or System.Text.Json.JsonException
            or TaskCanceledException or InvalidOperationException)
        {
            await stderr.WriteLineAsync($"pulse load: {e.Message}").ConfigureAwait(false);
            return Failed;
        }

        await report.WriteTextAsync(stdout).ConfigureAwait(false);
        if (options.ReportPath is { } path)
        {
            try
            {
                await report.WriteJsonAsync(path).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"pulse load: cannot write '{path}': {e.Message}").ConfigureAwait(false);
                return Failed;
            }
        }

        return report.ExitCode;
    }
}
