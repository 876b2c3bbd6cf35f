using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Pulse.Grains.Mentions;
using Pulse.Silo.Demo;

namespace Pulse.Silo.Tests.Demo;

public class DemoOptionsTests
{
    public static TheoryData<string, string> InvalidSettings => new()
    {
        { "Seed", "-1" },
        { "RateMultiplier", "0" },
        { "RateMultiplier", "1000" },
        { "CrisisDuration", "00:00:05" },
        { "CrisisInterval", "00:01:30" }, // no room for the decay after a 90 s crisis
        { "CrisisMultiplier", "0.5" },
        { "FirstCrisisDelay", "-00:00:01" },
        { "TickInterval", "00:00:00" },
        { "BrandsFile", "Demo/missing.json" },
    };

    [Fact]
    public void DefaultsMatchTheDocumentedDemo()
    {
        var options = Resolve([]);

        Assert.False(options.Enabled);
        Assert.Equal(1, options.RateMultiplier);
        Assert.Equal(TimeSpan.FromMinutes(4), options.CrisisInterval);
        Assert.Equal(TimeSpan.FromSeconds(90), options.CrisisDuration);
        Assert.Equal(8, options.CrisisMultiplier);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.TickInterval);
        Assert.Equal(DemoBrands.DefaultFilePath, DemoBrands.ResolvePath(options.BrandsFile));
    }

    [Fact]
    public void SettingsBindFromThePulseDemoSection()
    {
        var options = Resolve(new() { ["Pulse:Demo:Enabled"] = "true", ["Pulse:Demo:Seed"] = "9", ["Pulse:Demo:CrisisInterval"] = "00:02:00" });

        Assert.True(options.Enabled);
        Assert.Equal(9, options.Seed);
        Assert.Equal(TimeSpan.FromMinutes(2), options.CrisisInterval);
    }

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void InvalidSettingsFailValidation(string key, string value)
    {
        var exception = Assert.Throws<OptionsValidationException>(() =>
            Resolve(new() { ["Pulse:Demo:Enabled"] = "true", [$"Pulse:Demo:{key}"] = value }));

        Assert.Contains(key, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingBrandFileIsFineWhileTheDemoIsDisabled()
    {
        var options = Resolve(new() { ["Pulse:Demo:BrandsFile"] = "Demo/missing.json" });

        Assert.False(options.Enabled);
    }

    [Fact]
    public void AddDemoDataRegistersTheHostedServiceAndASystemClock()
    {
        var services = new ServiceCollection().AddLogging().AddSingleton<IMentionIngestor, RecordingIngestor>();

        using var provider = services.AddDemoData(new ConfigurationBuilder().Build()).BuildServiceProvider();

        Assert.IsType<DemoDataService>(Assert.Single(provider.GetServices<IHostedService>()));
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void AddDemoDataKeepsAClockRegisteredEarlier()
    {
        var clock = new ShiftedTimeProvider();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(clock);

        using var provider = services.AddDemoData(new ConfigurationBuilder().Build()).BuildServiceProvider();

        Assert.Same(clock, provider.GetRequiredService<TimeProvider>());
    }

    private static DemoOptions Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var provider = new ServiceCollection().AddDemoData(configuration).BuildServiceProvider();
        return provider.GetRequiredService<IOptions<DemoOptions>>().Value;
    }

    private sealed class ShiftedTimeProvider : TimeProvider;
}
