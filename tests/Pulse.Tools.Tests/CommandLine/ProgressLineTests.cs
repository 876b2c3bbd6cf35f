using Pulse.CommandLine;

namespace Pulse.Tools.Tests.CommandLine;

public sealed class ProgressLineTests
{
    [Theory]
    [InlineData(0.0, 0, "  0%")]
    [InlineData(0.5, 12, " 50%")]
    [InlineData(1.0, 24, "100%")]
    [InlineData(1.7, 24, "100%")]
    [InlineData(-1.0, 0, "  0%")]
    public void The_bar_fills_with_the_fraction_done_and_says_its_percentage(double fraction, int filled, string percent)
    {
        var bar = ProgressLine.Bar(fraction);

        Assert.Equal(filled, bar.Count(c => c == '#'));
        Assert.Equal(24, bar.Count(c => c is '#' or '.'));
        Assert.EndsWith(percent, bar, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redirected_output_gets_none_of_it()
    {
        using var output = new StringWriter();
        var line = new ProgressLine(output, terminal: false);

        await line.ShowAsync(0.3, "scoring");
        await line.ClearAsync();
        await line.EndAsync();

        Assert.Empty(output.ToString());
    }

    [Fact]
    public async Task On_a_terminal_each_state_redraws_the_same_line_and_clearing_blanks_it()
    {
        using var output = new StringWriter();
        var line = new ProgressLine(output, terminal: true);

        await line.ShowAsync(0.25, "first, longer text");
        await line.ShowAsync(0.5, "second");
        await line.ClearAsync();

        var text = output.ToString();
        Assert.DoesNotContain('\n', text);
        Assert.Equal(4, text.Count(c => c == '\r')); // two redraws, and a clear that returns to the start twice
        Assert.Contains("second", text, StringComparison.Ordinal);
        Assert.EndsWith("\r", text, StringComparison.Ordinal);
    }
}
