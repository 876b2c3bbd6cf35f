using System.Text.Json;
using Pulse.Load;
using Pulse.Silo.Ingest;
using Pulse.Silo.Tests.Functional;
using Pulse.Testing;
using StackExchange.Redis;

namespace Pulse.Silo.Tests.LoadTool;

/// <summary>`pulse-load` against a real host of its own (its load-* brands must not meet other tests' counts).</summary>
[Trait("Category", "Slow")]
public sealed class LoadCommandEndToEndTests : IAsyncLifetime, IDisposable
{
    private readonly PulseHostFixture _host = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-load-").FullName;

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        await File.WriteAllTextAsync(KeyFile, TestCaller.AdminKey + "\n"); // a mounted secret's trailing newline is ignored
    }

    private string KeyFile => Path.Combine(_folder, "key");

    public Task DisposeAsync() => _host.DisposeAsync();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_paced_run_is_accepted_processed_in_full_and_times_probes_over_the_hub()
    {
        var reportPath = Path.Combine(_folder, "report.json");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await LoadCommand.RunAsync(
            ["--url", _host.BaseAddress.ToString(), "--key-file", KeyFile, "--rate", "300", "--duration", "4s", "--brands", "20", "--setup-brands", "--report", reportPath,
             "--spread", "uniform", "--server-pid", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)], // the host runs in this process
            stdout, stderr);

        Assert.True(code == LoadCommand.Ok, $"exit {code}\n{stdout}\n{stderr}");
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(reportPath));
        var root = report.RootElement;
        var accepted = root.GetProperty("accepted").GetInt64();
        Assert.True(accepted > 0);
        Assert.Equal(accepted, root.GetProperty("processed").GetInt64());
        // Counted from the partitions' counters on /metrics, not by asking every brand's grains.
        Assert.Contains(MetricsProcessedReader.Metric, root.GetProperty("processedSource").GetString(), StringComparison.Ordinal);
        Assert.True(root.GetProperty("probeLatencyMs").GetProperty("count").GetInt32() > 0, stdout.ToString());
        Assert.Equal(0, root.GetProperty("rejected").GetInt64());
        Assert.Contains("accepted", stdout.ToString(), StringComparison.Ordinal);
        Assert.Equal((20, "uniform"), (root.GetProperty("brands").GetInt32(), root.GetProperty("spread").GetString()));
        var setup = root.GetProperty("brandSetup");
        Assert.Equal(20 + LoadBrands.ProbeBrandCount, setup.GetProperty("created").GetInt32());
        Assert.Contains(setup.GetProperty("method").GetString(), (string[])["import", "put"]);
        var memory = root.GetProperty("serverMemory");
        Assert.True(memory.GetProperty("rssAfterMb").GetDouble() > 0, memory.ToString());
        Assert.True(memory.GetProperty("peakRssMb").GetDouble() >= memory.GetProperty("rssAfterMb").GetDouble(), memory.ToString());
        Assert.Contains("summary         20 brands (uniform): end to end", stdout.ToString(), StringComparison.Ordinal);
        var brands = await BrandSetup.ExistingAsync(_host.Http, _host.BaseAddress, CancellationToken.None);
        Assert.Equal(20 + LoadBrands.ProbeBrandCount, brands.Count(id => id.StartsWith(ProcessedReader.BrandPrefix, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_warm_up_is_sent_but_left_out_of_the_reported_figures()
    {
        var reportPath = Path.Combine(_folder, "warm.json");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await LoadCommand.RunAsync(
            ["--url", _host.BaseAddress.ToString(), "--key-file", KeyFile, "--rate", "400", "--warmup", "2s", "--duration", "3s", "--brands", "20", "--setup-brands", "--report", reportPath],
            stdout, stderr);

        Assert.True(code == LoadCommand.Ok, $"exit {code}\n{stdout}\n{stderr}");
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(reportPath));
        var root = report.RootElement;
        var accepted = root.GetProperty("accepted").GetInt64();
        Assert.Equal(2.0, root.GetProperty("warmupSeconds").GetDouble());
        Assert.Equal(accepted, root.GetProperty("processed").GetInt64());
        // The measured part gets its whole duration however late the warm-up's end is noticed.
        Assert.True(root.GetProperty("durationSeconds").GetDouble() >= 3.0, stdout.ToString());

        // Pulse counted the warm-up too (about 800 mentions at 400/s): the report did not.
        var counted = await new ProcessedReader(_host.Http, _host.BaseAddress).ReadAsync(CancellationToken.None);
        Assert.NotNull(counted);
        Assert.InRange(counted.Value - accepted, 400, 1600);
        Assert.Contains("warm-up left out of every figure", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_key_the_run_fails_saying_so()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await LoadCommand.RunAsync(
            ["--url", _host.BaseAddress.ToString(), "--rate", "100", "--duration", "1s", "--brands", "2", "--setup-brands"],
            stdout, stderr);

        Assert.Equal(LoadCommand.Failed, code);
        Assert.Contains("401", stdout.ToString() + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_redis_mode_every_accepted_mention_is_an_entry_of_its_brands_partition_the_parser_accepts()
    {
        await using var redisServer = await RedisServer.StartAsync();
        var reportPath = Path.Combine(_folder, "redis.json");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        // Nothing reads this log yet in the embedded host, so nothing is processed: exit 1 is expected.
        await LoadCommand.RunAsync(
            ["--url", _host.BaseAddress.ToString(), "--key-file", KeyFile, "--rate", "500", "--duration", "2s", "--brands", "10", "--setup-brands",
             "--redis", redisServer.Endpoint, "--cluster-id", "loadtest", "--partitions", "4", "--report", reportPath, "--seed", "7"],
            stdout, stderr);

        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(reportPath));
        var accepted = report.RootElement.GetProperty("accepted").GetInt64();
        Assert.True(accepted > 0, stdout + "\n" + stderr);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(redisServer.Endpoint);
        var brands = LoadBrands.Generate(10, seed: 7);
        var parser = new MentionBatchParser(new IngestOptions());
        long entries = 0;
        for (var partition = 0; partition < 4; partition++)
        {
            foreach (var entry in await redis.GetDatabase().StreamRangeAsync($"loadtest:ingest:{partition}"))
            {
                var value = Assert.Single(entry.Values);
                Assert.Equal("mentions", value.Name.ToString());
                var result = parser.Parse((byte[])value.Value!, MentionBodyFormat.Json, DateTimeOffset.UtcNow);
                Assert.True(result.IsFullyAccepted);
                Assert.All(result.Accepted, m => Assert.Equal(partition, ExpectedPartition(m, brands)));
                entries += result.Accepted.Count;
            }
        }

        Assert.Equal(accepted, entries);
    }

    /// <summary>A generated mention goes to the partition of the brand it was written for (its keyword is in the text, and
    /// no other brand's is); a probe, written for no pool brand, to the partition of its id.</summary>
    private static int ExpectedPartition(Pulse.Grains.Mentions.Mention mention, LoadBrand[] brands)
    {
        if (mention.Text.Contains("pulseprobe", StringComparison.OrdinalIgnoreCase))
        {
            return Pulse.Ingest.Contracts.IngestPartitions.Of(mention.Id, 4);
        }

        var brand = Assert.Single(brands, b => mention.Text.Contains(b.Keyword, StringComparison.OrdinalIgnoreCase));
        return Pulse.Ingest.Contracts.IngestPartitions.OfBrand(brand.Id, 4);
    }
}
