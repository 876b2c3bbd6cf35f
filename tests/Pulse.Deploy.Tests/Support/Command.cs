using System.Diagnostics;
using System.Text;

namespace Pulse.Deploy.Tests.Support;

/// <summary>What a finished command printed and returned.</summary>
internal sealed record CommandResult(string Command, int ExitCode, string Output, string Error)
{
    /// <summary>The output, or an exception naming the command and what it printed when it failed.</summary>
    public string OrThrow() => ExitCode == 0
        ? Output
        : throw new InvalidOperationException($"`{Command}` exited {ExitCode}:{Environment.NewLine}{Error}{Environment.NewLine}{Output}");
}

/// <summary>Runs a program to its end (bounded by a timeout, after which it is killed) and captures its output.</summary>
internal static class Command
{
    public static async Task<CommandResult> RunAsync(
        string program, IEnumerable<string> args, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var psi = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Repository.Root,
        };
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            psi.Environment[key] = value;
        }

        var line = string.Join(' ', [program, .. psi.ArgumentList]);
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"`{line}` did not start.");
        var output = new StringBuilder();
        var error = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (error) { error.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"`{line}` did not finish within {timeout}:{Environment.NewLine}{error}{output}");
        }

        process.WaitForExit(); // drains the redirected streams
        return new CommandResult(line, process.ExitCode, output.ToString(), error.ToString());
    }

    public static bool Exists(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, program)));
}
