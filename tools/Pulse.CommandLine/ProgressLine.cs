using System.Globalization;
using System.Text;

namespace Pulse.CommandLine;

/// <summary>
/// A progress bar on one terminal line, redrawn in place: <c>[#######.........]  41%  text</c>. Drawn only on a
/// terminal: redirected output (a file, a pipe, a test) gets none of it, so what a tool prints there stays the same.
/// </summary>
public sealed class ProgressLine(TextWriter output, bool terminal)
{
    private const int BarWidth = 24;
    private int _lastWidth;

    public bool Enabled => terminal;

    /// <param name="fraction">Done so far, 0 to 1; null draws no bar (the total is not known).</param>
    public async Task ShowAsync(double? fraction, string text)
    {
        if (!terminal)
        {
            return;
        }

        var line = fraction is { } f ? Bar(f) + "  " + text : text;
        // A line wider than the terminal wraps, and the carriage return would then redraw only its last part.
        line = line.Length < Width() ? line : line[..(Width() - 1)];
        await output.WriteAsync("\r" + line.PadRight(_lastWidth)).ConfigureAwait(false);
        _lastWidth = line.Length;
        await output.FlushAsync().ConfigureAwait(false);
    }

    /// <summary>Blanks the line, so what is written next starts at its beginning (the bar is then drawn again below it).</summary>
    public async Task ClearAsync()
    {
        if (terminal && _lastWidth > 0)
        {
            await output.WriteAsync("\r" + new string(' ', _lastWidth) + "\r").ConfigureAwait(false);
            _lastWidth = 0;
        }
    }

    /// <summary>Leaves the last state on screen and moves to the next line.</summary>
    public async Task EndAsync()
    {
        if (terminal && _lastWidth > 0)
        {
            await output.WriteLineAsync().ConfigureAwait(false);
            _lastWidth = 0;
        }
    }

    private static int Width()
    {
        try
        {
            return Math.Max(Console.WindowWidth, 40);
        }
        catch (IOException)
        {
            return 80;
        }
    }

    public static string Bar(double fraction)
    {
        var done = Math.Clamp(fraction, 0, 1);
        var filled = (int)Math.Round(done * BarWidth);
        return new StringBuilder("[").Append('#', filled).Append('.', BarWidth - filled).Append(']')
            .Append(CultureInfo.InvariantCulture, $" {done * 100,3:0}%").ToString();
    }
}
