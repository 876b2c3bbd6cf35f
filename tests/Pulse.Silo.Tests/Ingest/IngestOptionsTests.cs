using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pulse.Silo.Ingest;

namespace Pulse.Silo.Tests.Ingest;

/// <summary>Binding of <c>Pulse:Ingest</c> and the start-up validation of its limits.</summary>
public sealed class IngestOptionsTests
{
    private static ServiceProvider Build(params (string Key, string Value)[] settings)
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return new ServiceCollection().AddIngest(config).BuildServiceProvider();
    }

    [Fact]
    public void Defaults_apply_without_configuration()
    {
        using var services = Build();

        var options = services.GetRequiredService<IOptions<IngestOptions>>().Value;

        Assert.Equal(10_000, options.MaxBatchItems);
        Assert.Equal(8 * 1024 * 1024, options.MaxBodyBytes);
        Assert.Equal(10_000, options.MaxTextLength);
        Assert.Equal(TimeSpan.FromMinutes(5), options.MaxFutureSkew);
        Assert.Equal(["x", "bluesky", "mastodon", "reddit", "news", "blogs", "forums", "reviews"], options.Channels);
    }

    [Fact]
    public void Limits_bind_from_the_pulse_ingest_section()
    {
        using var services = Build(
            ("Pulse:Ingest:MaxBatchItems", "50"),
            ("Pulse:Ingest:MaxBodyBytes", "4096"),
            ("Pulse:Ingest:MaxTextLength", "280"),
            ("Pulse:Ingest:MaxFutureSkew", "00:00:30"));

        var options = services.GetRequiredService<IOptions<IngestOptions>>().Value;

        Assert.Equal((50, 4096, 280, TimeSpan.FromSeconds(30)),
            (options.MaxBatchItems, options.MaxBodyBytes, options.MaxTextLength, options.MaxFutureSkew));
    }

    [Fact]
    public void Channels_come_from_the_cluster_wide_pulse_channels_list_which_replaces_the_defaults()
    {
        using var services = Build(("Pulse:Channels:0", "x"), ("Pulse:Channels:1", "tiktok"));

        Assert.Equal(["x", "tiktok"], services.GetRequiredService<IOptions<IngestOptions>>().Value.Channels);
    }

    [Theory]
    [InlineData("Pulse:Ingest:MaxBatchItems", "0")]
    [InlineData("Pulse:Ingest:MaxBodyBytes", "0")]
    [InlineData("Pulse:Ingest:MaxTextLength", "-1")]
    [InlineData("Pulse:Ingest:MaxFutureSkew", "-00:01:00")]
    public void Invalid_limits_fail_validation_naming_the_setting(string key, string value)
    {
        using var services = Build((key, value));

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<IngestOptions>>().Value);

        var setting = key.Split(':')[2];
        Assert.Contains(failure.Failures, f => f.Contains(setting, StringComparison.Ordinal));
    }

    [Fact]
    public void Parser_is_registered_with_the_bound_options()
    {
        using var services = Build(("Pulse:Channels:0", "tiktok"));
        var parser = services.GetRequiredService<MentionBatchParser>();

        var result = parser.Parse("""{"id":"a","channel":"TikTok","text":"t"}"""u8, MentionBodyFormat.Json, IngestSamples.Now);

        Assert.Equal("tiktok", Assert.Single(result.Accepted).Channel);
    }

    [Fact]
    public void System_time_provider_is_registered_only_when_none_is()
    {
        var fake = new StoppedClock();
        var config = new ConfigurationBuilder().Build();

        using var withFake = new ServiceCollection().AddSingleton<TimeProvider>(fake).AddIngest(config).BuildServiceProvider();
        using var bare = new ServiceCollection().AddIngest(config).BuildServiceProvider();

        Assert.Same(fake, withFake.GetRequiredService<TimeProvider>());
        Assert.Same(TimeProvider.System, bare.GetRequiredService<TimeProvider>());
    }

    private sealed class StoppedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => IngestSamples.Now;
    }
}
