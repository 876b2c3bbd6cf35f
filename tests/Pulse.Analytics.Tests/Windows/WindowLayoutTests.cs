using Pulse.Analytics.Windows;

namespace Pulse.Analytics.Tests.Windows;

public sealed class WindowLayoutTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public void TheDefaultLayoutIsSecondsMinutesAndQuarterHours()
    {
        Assert.Equal(
            [new WindowResolution(Second, 120), new WindowResolution(Minute, 90), new WindowResolution(TimeSpan.FromMinutes(15), 100)],
            WindowLayout.Default.Resolutions);
    }

    [Fact]
    public void ALayoutWithoutResolutionsIsRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => new WindowLayout([]));

        Assert.Contains("at least one resolution", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(60, 1)] // equal
    [InlineData(60, 30)] // decreasing
    public void ResolutionsThatDoNotStrictlyIncreaseAreRejected(int firstSeconds, int secondSeconds)
    {
        var ex = Assert.Throws<ArgumentException>(() => new WindowLayout(
        [
            new WindowResolution(TimeSpan.FromSeconds(firstSeconds), 10),
            new WindowResolution(TimeSpan.FromSeconds(secondSeconds), 10),
        ]));

        Assert.Contains("strictly increasing", ex.Message, StringComparison.Ordinal);
        Assert.Contains("index 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACapacityBelowOneIsRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => new WindowLayout(
            [new WindowResolution(Second, 10), new WindowResolution(Minute, 0)]));

        Assert.Contains("capacity at index 1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("at least 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANonPositiveResolutionIsRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => new WindowLayout([new WindowResolution(TimeSpan.Zero, 10)]));

        Assert.Contains("must be positive", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ChangingTheSourceListLaterDoesNotChangeTheLayout()
    {
        var source = new List<WindowResolution> { new(Second, 10) };
        var layout = new WindowLayout(source);

        source.Add(new WindowResolution(Minute, 10));

        Assert.Single(layout.Resolutions);
    }

    [Fact]
    public void LayoutsWithTheSameResolutionsAreEqual()
    {
        var a = new WindowLayout([new WindowResolution(Second, 10), new WindowResolution(Minute, 5)]);
        var b = new WindowLayout([new WindowResolution(Second, 10), new WindowResolution(Minute, 5)]);
        var c = new WindowLayout([new WindowResolution(Second, 10), new WindowResolution(Minute, 6)]);

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
    }
}
