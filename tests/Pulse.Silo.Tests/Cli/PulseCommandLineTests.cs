using Pulse.CommandLine;
using Pulse.Silo.Cli;

namespace Pulse.Silo.Tests.Cli;

/// <summary>`pulse`'s own command line: serving flags become configuration, the rest passes through, mistakes exit 2 naming the flag.</summary>
public sealed class PulseCommandLineTests
{
    private static async Task<(int Code, string[]? Config, string Out, string Err)> Run(params string[] args)
    {
        string[]? config = null;
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var root = PulseCommandLine.Create((c, _) =>
        {
            config = c;
            return Task.FromResult(ToolExit.Ok);
        }, TextReader.Null, stdout, stderr, interactive: false);
        var code = await ToolCommandLine.InvokeAsync(root, ServeArguments.Normalize(args), stdout, stderr);
        return (code, config, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Flags_become_configuration_keys_and_other_arguments_pass_through()
    {
        var (code, config, _, _) = await Run("--demo", "--redis", "127.0.0.1:6380", "--cluster-id=c1", "--urls", "http://127.0.0.1:5600", "--Pulse:Ingest:Partitions=4", "--redis-tls", "--gateway", "a:1,b:2");

        Assert.Equal(ToolExit.Ok, code);
        Assert.Equal(
            ["--Pulse:Ingest:Partitions=4", "--urls=http://127.0.0.1:5600", "--Pulse:Redis:Endpoint=127.0.0.1:6380", "--Pulse:Redis:ClusterId=c1",
             "--Pulse:Client:Gateways=a:1,b:2", "--Pulse:Demo:Enabled=true", "--Pulse:Redis:Tls=true"],
            config!);
    }

    [Fact]
    public async Task A_flag_in_another_case_is_the_flag()
    {
        var (_, config, _, _) = await Run("--Demo", "--SILO-PORT", "11112");

        Assert.Equal(["--Pulse:SiloPort=11112", "--Pulse:Demo:Enabled=true"], config!);
    }

    [Theory]
    [InlineData("--silo-port")]
    [InlineData("--redis")]
    [InlineData("--brands")]
    public async Task A_flag_without_its_value_exits_2_naming_it(string flag)
    {
        var (code, config, _, err) = await Run("--demo", flag);

        Assert.Equal(ToolExit.BadInput, code);
        Assert.Null(config);
        Assert.Contains($"pulse: Required argument missing for option: '{flag}'", err, StringComparison.Ordinal);
        Assert.Contains("--dashboard-only", err, StringComparison.Ordinal); // the help follows
    }

    [Theory]
    [InlineData("load", "pulse-load", "tools/Pulse.Load")]
    [InlineData("detect", "pulse-detect", "tools/Pulse.Detect")]
    [InlineData("sentiment", "pulse-sentiment", "tools/Pulse.SentimentEval")]
    public async Task A_verb_that_moved_to_a_tool_says_where_and_starts_nothing(string verb, string tool, string project)
    {
        var (code, config, _, err) = await Run(verb, "--url", "http://localhost:5080", "--max");

        Assert.Equal(ToolExit.BadInput, code);
        Assert.Null(config);
        Assert.Contains(tool, err, StringComparison.Ordinal);
        Assert.Contains(project, err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public async Task Help_lists_the_flags_and_the_users_command_and_starts_nothing(string help)
    {
        var (code, config, output, _) = await Run(help);

        Assert.Equal(ToolExit.Ok, code);
        Assert.Null(config);
        Assert.All(["--urls", "--brands", "--silo-port", "--gateway-port", "--redis", "--redis-password-file", "--redis-tls", "--redis-tls-ca",
            "--cluster-id", "--advertise", "--gateway", "--demo", "--dashboard-only", "users"], f => Assert.Contains(f, output, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Users_alone_shows_its_commands()
    {
        var (code, _, output, _) = await Run("users");

        Assert.Equal(ToolExit.Ok, code);
        Assert.Contains("add", output, StringComparison.Ordinal);
    }
}
