using Pulse.Load;

namespace Pulse.Tools.Tests.Load;

public sealed class LoadArgumentsTests
{
    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await LoadCommand.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [InlineData("--rate 100", "--url is required")]
    [InlineData("--url http://localhost:5080", "either --rate N or --max is required")]
    [InlineData("--url http://localhost:5080 --rate 100 --max", "--rate and --max exclude each other")]
    [InlineData("--url localhost:5080 --max", "--url must be an absolute http(s) URL")]
    [InlineData("--url http://localhost:5080 --rate -5", "--rate must be a positive number, not '-5'")]
    [InlineData("--url http://localhost:5080 --rate fast", "--rate must be a positive number, not 'fast'")]
    [InlineData("--url http://localhost:5080 --max --duration soon", "--duration must be between 100ms and 24h")]
    [InlineData("--url http://localhost:5080 --max --warmup later", "--warmup must be between 100ms and 24h")]
    [InlineData("--url http://localhost:5080 --max --brands 0", "--brands must be a whole number from 1 to 100000, not '0'")]
    [InlineData("--url http://localhost:5080 --max --batch 20000", "--batch must be a whole number from 1 to 10000")]
    [InlineData("--url http://localhost:5080 --max --connections", "'--connections'")]
    [InlineData("--url http://localhost:5080 --max --partitions 4", "--cluster-id and --partitions only apply with --redis")]
    [InlineData("--url http://localhost:5080 --max --spread pareto", "--spread must be zipf or uniform, not 'pareto'")]
    [InlineData("--url http://localhost:5080 --max --spread 1", "--spread must be zipf or uniform, not '1'")]
    [InlineData("--url http://localhost:5080 --max --server-pid me", "--server-pid must be a process id, not 'me'")]
    [InlineData("--url http://localhost:5080 --max --turbo", "'--turbo'")]
    public async Task Bad_arguments_exit_2_naming_the_problem_and_showing_the_help(string args, string message)
    {
        var (code, _, err) = await Run(args.Split(' '));

        Assert.Equal(LoadCommand.BadInput, code);
        Assert.Contains("pulse-load: ", err, StringComparison.Ordinal);
        Assert.Contains(message, err, StringComparison.Ordinal);
        Assert.Contains("--url <http://host:port>", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_every_option_and_exits_0()
    {
        var (code, output, _) = await Run("--help");

        Assert.Equal(LoadCommand.Ok, code);
        Assert.Contains("pulse-load [options]", output, StringComparison.Ordinal);
        Assert.All(["--url", "--rate", "--max", "--duration", "--warmup", "--brands", "--spread", "--batch", "--connections", "--setup-brands",
            "--redis", "--cluster-id", "--partitions", "--report", "--seed", "--key-file", "--server-pid"], o => Assert.Contains(o + " ", output, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_server_pid_that_is_no_process_here_is_refused_before_anything_is_sent()
    {
        var (code, _, err) = await Run("--url", "http://127.0.0.1:9", "--max", "--server-pid", int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(LoadCommand.BadInput, code);
        Assert.Contains("--server-pid", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_option_is_read()
    {
        var options = LoadArguments.Parse(
            ["--url", "http://a:1", "--url", "http://b:2", "--rate", "50000", "--duration", "90s", "--warmup", "15s", "--brands", "10", "--batch", "500",
             "--connections", "4", "--setup-brands", "--redis", "127.0.0.1:6379", "--cluster-id", "c1", "--partitions", "16", "--report", "r.json", "--seed", "7"],
            out var error);

        Assert.Null(error);
        Assert.NotNull(options);
        Assert.Equal(["http://a:1/", "http://b:2/"], options.Urls.Select(u => u.ToString()));
        Assert.Equal(50_000, options.Rate);
        Assert.Equal(TimeSpan.FromSeconds(90), options.Duration);
        Assert.Equal(TimeSpan.FromSeconds(15), options.Warmup);
        Assert.Equal((10, 500, 4, true), (options.Brands, options.Batch, options.Connections, options.SetupBrands));
        Assert.Equal(("127.0.0.1:6379", "c1", 16), (options.Redis, options.ClusterId, options.Partitions));
        Assert.Equal(("r.json", 7UL), (options.ReportPath, options.Seed));
        Assert.Equal(BrandSpread.Zipf, options.Spread);
        Assert.Null(options.ServerPid);
    }

    [Fact]
    public void Spread_and_server_pid_are_read()
    {
        var options = LoadArguments.Parse(["--url", "http://a:1", "--max", "--brands", "100000", "--spread", "Uniform", "--server-pid", "4242"], out var error);

        Assert.Null(error);
        Assert.Equal((100_000, BrandSpread.Uniform, 4242), (options!.Brands, options.Spread, options.ServerPid));
    }

    [Fact]
    public void Defaults_apply_when_only_url_and_max_are_given()
    {
        var options = LoadArguments.Parse(["--url", "http://a:1", "--max"], out _);

        Assert.NotNull(options);
        Assert.Null(options.Rate);
        Assert.Equal((60.0, 1000, 1000, 8, "pulse", 8), (options.Duration.TotalSeconds, options.Brands, options.Batch, options.Connections, options.ClusterId, options.Partitions));
        Assert.Equal(1000, options.EffectiveBatch);
        Assert.Equal(TimeSpan.Zero, options.Warmup);
    }

    [Theory]
    [InlineData("60s", 60)]
    [InlineData("2m", 120)]
    [InlineData("500ms", 0.5)]
    [InlineData("1h", 3600)]
    [InlineData("30", 30)]
    public void Durations_take_a_unit(string text, double seconds)
    {
        Assert.Null(LoadArguments.ParseDuration(text, out var duration));
        Assert.Equal(seconds, duration.TotalSeconds);
    }

    [Fact]
    public void A_paced_run_sends_about_20_batches_a_second_within_the_batch_limit()
    {
        Assert.Equal(10, LoadArguments.Parse(["--url", "http://a:1", "--rate", "200"], out _)!.EffectiveBatch);
        Assert.Equal(1000, LoadArguments.Parse(["--url", "http://a:1", "--rate", "50000"], out _)!.EffectiveBatch);
        Assert.Equal(1, LoadArguments.Parse(["--url", "http://a:1", "--rate", "5"], out _)!.EffectiveBatch);
    }
}
