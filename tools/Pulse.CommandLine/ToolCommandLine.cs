using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;

namespace Pulse.CommandLine;

/// <summary>
/// Runs a tool's command line one way for every tool: a parse error prints <c>TOOL: message</c> (System.CommandLine's
/// messages name the option) and the help to stderr and exits <see cref="ToolExit.BadInput"/>; <c>--help</c> prints the
/// help to stdout and exits 0; otherwise the command's action runs and its exit code is returned.
/// </summary>
public static class ToolCommandLine
{
    /// <summary>The root of a tool: a command named like its executable (not the test host's), with <c>-h, --help</c>.</summary>
    public static Command Root(string name, string description)
    {
        var command = new Command(name, description);
        command.Options.Add(new HelpOption());
        return command;
    }

    public static ParseResult Parse(Command command, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(command);
        // No @file expansion: an argument that starts with @ is that text, as before.
        return command.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
    }

    public static async Task<int> InvokeAsync(Command command, IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var parsed = Parse(command, args);
        if (parsed.Errors.Count > 0)
        {
            await WriteErrorsAsync(parsed, stderr).ConfigureAwait(false);
            return ToolExit.BadInput;
        }

        // Ctrl+C and SIGTERM are the command's own to handle (a host shuts down gracefully, a load run reports what it sent).
        var invocation = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        return await parsed.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Each error as <c>COMMAND: message</c>, then the help of the command they belong to.</summary>
    public static async Task WriteErrorsAsync(ParseResult parsed, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(stderr);
        var path = CommandPath(parsed);
        foreach (var error in parsed.Errors)
        {
            await stderr.WriteLineAsync($"{string.Join(' ', path)}: {error.Message}").ConfigureAwait(false);
        }

        await stderr.WriteLineAsync().ConfigureAwait(false);
        // The help of the command the errors are in, as --help prints it.
        await Parse(parsed.RootCommandResult.Command, [.. path.Skip(1), "--help"])
            .InvokeAsync(new InvocationConfiguration { Output = stderr, Error = stderr }).ConfigureAwait(false);
    }

    /// <summary><c>pulse users add</c> rather than <c>add</c>.</summary>
    private static List<string> CommandPath(ParseResult parsed)
    {
        var names = new List<string>();
        for (var result = parsed.CommandResult; result is not null; result = result.Parent as CommandResult)
        {
            names.Insert(0, result.Command.Name);
        }

        return names;
    }
}
