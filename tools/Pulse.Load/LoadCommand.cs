using StackExchange.Redis;
using Pulse.CommandLine;

namespace Pulse.Load;

/// <summary>
/// <c>pulse-load</c>: offers a realistic mention stream to a Pulse host (over HTTP, or straight into the ingest log
/// in Redis), reads back what Pulse processed, times ingest-to-hub latency with probes, and reports.
/// </summary>
public static class LoadCommand
{
    public const int Ok = ToolExit.Ok;
    public const int Failed = ToolExit.Failed;
    public const int BadInput = ToolExit.BadInput;

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr) =>
        RunAsync(args, stdout, stderr, terminal: false, TimeProvider.System, CancellationToken.None);

    /// <param name="terminal">Draw the progress bar in place instead of printing a line per second.</param>
    /// <param name="cancellationToken">Stops sending early (Ctrl+C); the run is still reported.</param>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, bool terminal, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        var arguments = new LoadArguments();
        arguments.Command.SetAction((parsed, _) => RunAsync(arguments.Read(parsed), stdout, stderr, terminal, time, cancellationToken));
        return ToolCommandLine.InvokeAsync(arguments.Command, args, stdout, stderr, cancellationToken);
    }

    private static async Task<int> RunAsync(LoadOptions options, TextWriter stdout, TextWriter stderr, bool terminal, TimeProvider time, CancellationToken cancellationToken)
    {
        string? key;
        try
        {
            key = options.KeyFile is { } file
                ? (await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false)).Trim()
                : Environment.GetEnvironmentVariable(LoadOptions.KeyVariable)?.Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"{LoadArguments.Name}: cannot read --key-file: {e.Message}").ConfigureAwait(false);
            return BadInput;
        }

        var server = options.ServerPid is { } pid ? ServerMemory.Of(pid) : null;
        if (options.ServerPid is not null && server is null)
        {
            await stderr.WriteLineAsync($"{LoadArguments.Name}: --server-pid {options.ServerPid}: no such process on this machine (its /proc/{options.ServerPid}/status cannot be read)").ConfigureAwait(false);
            return BadInput;
        }

        LoadReport report;
        try
        {
            report = await new LoadRun(options, key, stdout, terminal, time, server).RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or RedisException or IOException or System.Text.Json.JsonException
            or TaskCanceledException or InvalidOperationException)
        {
            await stderr.WriteLineAsync($"{LoadArguments.Name}: {e.Message}").ConfigureAwait(false);
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
                await stderr.WriteLineAsync($"{LoadArguments.Name}: cannot write '{path}': {e.Message}").ConfigureAwait(false);
                return Failed;
            }
        }

        return report.ExitCode;
    }
}
