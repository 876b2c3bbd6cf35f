using System.Globalization;
using System.Text;

namespace Pulse.Silo.Tests.Telemetry;

/// <summary>One sample of a scrape: <c>name{labels} value</c>.</summary>
public sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
{
    public string? Label(string name) => Labels.TryGetValue(name, out var value) ? value : null;
}

/// <summary>
/// A strict reader of Prometheus' text exposition format (version 0.0.4, and OpenMetrics' closing <c># EOF</c>): every
/// line must be a comment, a <c># TYPE</c>/<c># HELP</c> line or a sample; anything else fails with its line number. Each
/// sample must belong to a family declared by a <c># TYPE</c> line before it (the family's name, or for histograms and
/// summaries its <c>_bucket</c>, <c>_sum</c> or <c>_count</c>), and no two samples may share name and labels.
/// </summary>
public sealed class PrometheusText
{
    private static readonly string[] HistogramSuffixes = ["_bucket", "_sum", "_count"];

    private PrometheusText(IReadOnlyList<PrometheusSample> samples, IReadOnlyDictionary<string, string> types)
    {
        Samples = samples;
        Types = types;
    }

    public IReadOnlyList<PrometheusSample> Samples { get; }

    /// <summary>Family name to its type (counter, gauge, histogram, summary, untyped).</summary>
    public IReadOnlyDictionary<string, string> Types { get; }

    public IEnumerable<PrometheusSample> Named(string name) => Samples.Where(s => s.Name == name);

    /// <summary>The sum of the samples of <paramref name="name"/> whose labels include every pair of <paramref name="labels"/>.</summary>
    public double Sum(string name, params (string Label, string Value)[] labels) =>
        Named(name).Where(s => labels.All(l => s.Label(l.Label) == l.Value)).Sum(s => s.Value);

    public static PrometheusText Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var samples = new List<PrometheusSample>();
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var number = i + 1;
            if (line.Length == 0 || line == "# EOF")
            {
                continue;
            }

            if (line.StartsWith('#'))
            {
                ReadComment(line, number, types);
                continue;
            }

            var sample = ReadSample(line, number);
            if (FamilyOf(sample.Name, types) is null)
            {
                throw Fail(number, $"sample '{sample.Name}' has no # TYPE line before it");
            }

            if (!seen.Add(sample.Name + "{" + string.Join(",", sample.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}")) + "}"))
            {
                throw Fail(number, $"sample '{sample.Name}' repeats a label set");
            }

            samples.Add(sample);
        }

        return new PrometheusText(samples, types);
    }

    private static string? FamilyOf(string sample, Dictionary<string, string> types)
    {
        if (types.ContainsKey(sample))
        {
            return sample;
        }

        foreach (var suffix in HistogramSuffixes)
        {
            if (sample.EndsWith(suffix, StringComparison.Ordinal) && types.TryGetValue(sample[..^suffix.Length], out var type) && type is "histogram" or "summary")
            {
                return sample[..^suffix.Length];
            }
        }

        return null;
    }

    private static void ReadComment(string line, int number, Dictionary<string, string> types)
    {
        var parts = line.Split(' ', 4, StringSplitOptions.None);
        if (parts.Length >= 2 && parts[0] == "#" && parts[1] == "TYPE")
        {
            if (parts.Length != 4 || !IsMetricName(parts[2]) || parts[3] is not ("counter" or "gauge" or "histogram" or "summary" or "untyped"))
            {
                throw Fail(number, "malformed # TYPE line");
            }

            if (!types.TryAdd(parts[2], parts[3]))
            {
                throw Fail(number, $"a second # TYPE line for '{parts[2]}'");
            }
        }
        else if (parts.Length >= 2 && parts[0] == "#" && parts[1] == "HELP" && (parts.Length < 3 || !IsMetricName(parts[2])))
        {
            throw Fail(number, "malformed # HELP line");
        }
    }

    private static PrometheusSample ReadSample(string line, int number)
    {
        var i = 0;
        while (i < line.Length && IsNameChar(line[i], i == 0))
        {
            i++;
        }

        if (i == 0)
        {
            throw Fail(number, "a sample must start with a metric name");
        }

        var name = line[..i];
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (i < line.Length && line[i] == '{')
        {
            i = ReadLabels(line, i + 1, number, labels);
        }

        if (i >= line.Length || line[i] != ' ')
        {
            throw Fail(number, "expected a space before the value");
        }

        var rest = line[(i + 1)..].Split(' ');
        if (rest.Length is < 1 or > 2 || !TryParseValue(rest[0], out var value) || (rest.Length == 2 && !long.TryParse(rest[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)))
        {
            throw Fail(number, $"'{line[(i + 1)..]}' is not a value (and an optional timestamp)");
        }

        return new PrometheusSample(name, labels, value);
    }

    /// <summary>Reads <c>name="value",...}</c> from <paramref name="i"/>; returns the index after the closing brace.</summary>
    private static int ReadLabels(string line, int i, int number, Dictionary<string, string> labels)
    {
        while (true)
        {
            if (i < line.Length && line[i] == '}')
            {
                return i + 1;
            }

            var start = i;
            while (i < line.Length && IsNameChar(line[i], i == start) && line[i] != ':')
            {
                i++;
            }

            if (i == start || i + 1 >= line.Length || line[i] != '=' || line[i + 1] != '"')
            {
                throw Fail(number, "malformed label");
            }

            var label = line[start..i];
            i += 2;
            var value = new StringBuilder();
            while (true)
            {
                if (i >= line.Length)
                {
                    throw Fail(number, $"label '{label}' has no closing quote");
                }

                var c = line[i++];
                if (c == '"')
                {
                    break;
                }

                if (c == '\\')
                {
                    value.Append(i < line.Length ? line[i++] switch
                    {
                        'n' => '\n',
                        '\\' => '\\',
                        '"' => '"',
                        var other => throw Fail(number, $"unknown escape '\\{other}' in label '{label}'"),
                    } : throw Fail(number, "a line may not end in an escape"));
                }
                else
                {
                    value.Append(c);
                }
            }

            if (!labels.TryAdd(label, value.ToString()))
            {
                throw Fail(number, $"label '{label}' given twice");
            }

            if (i < line.Length && line[i] == ',')
            {
                i++;
            }
            else if (i >= line.Length || line[i] != '}')
            {
                throw Fail(number, "expected ',' or '}' after a label");
            }
        }
    }

    private static bool TryParseValue(string text, out double value)
    {
        switch (text)
        {
            case "+Inf":
                value = double.PositiveInfinity;
                return true;
            case "-Inf":
                value = double.NegativeInfinity;
                return true;
            case "NaN":
                value = double.NaN;
                return true;
            default:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
    }

    private static bool IsMetricName(string name) => name.Length > 0 && name.Select((c, i) => IsNameChar(c, i == 0)).All(ok => ok);

    private static bool IsNameChar(char c, bool first) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_' or ':' || (!first && c is >= '0' and <= '9');

    private static FormatException Fail(int line, string message) => new($"Line {line} of the scrape: {message}.");
}
