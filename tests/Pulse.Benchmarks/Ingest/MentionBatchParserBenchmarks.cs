using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using Pulse.Silo.Ingest;

namespace Pulse.Benchmarks.Ingest;

/// <summary>
/// Parsing and validating one full NDJSON ingest batch (10 000 lines, the default MaxBatchItems; ~100-character
/// texts, all fields set, a few escapes and non-ASCII letters). Time is per batch; divide by 10 000 for per mention.
/// Allocation is the accepted <c>Mention</c> records and their strings, which the grains need anyway.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
[SimpleJob(RuntimeMoniker.Net10_0, launchCount: 1, warmupCount: 3, iterationCount: 20)]
public class MentionBatchParserBenchmarks
{
    public const int Lines = 10_000;

    private static readonly string[] Channels = ["x", "bluesky", "mastodon", "reddit", "news", "blogs", "forums", "reviews"];

    private static readonly string[] Texts =
    [
        "Just got my new phone from @acme and the battery life is amazing!!! Best upgrade in years #happy",
        "@acme_help my order still hasn't arrived, third time this month. Not impressed at all. https://t.co/x1",
        "The update broke the app again, it keeps \\\"crashing\\\" when I open the camera. Seriously?? #fail",
        "Das neue Update ist wirklich toll, endlich läuft alles flüssig. Danke an das Team! \\ud83d\\udc4d",
        "Schon wieder eine Störung bei @acme_de, seit zwei Stunden kein Netz. Das nervt einfach nur",
        "Meeting moved to 12:30 tomorrow, see the agenda at https://example.com/agenda for details\\nthanks",
    ];

    private readonly MentionBatchParser _parser = new(new IngestOptions());
    private byte[] _body = null!;
    private DateTimeOffset _now;

    [GlobalSetup]
    public void Setup()
    {
        _now = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
        var builder = new StringBuilder(Lines * 300);
        for (int i = 0; i < Lines; i++)
        {
            var timestamp = _now.AddSeconds(-i).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
            builder.Append(CultureInfo.InvariantCulture,
                $$"""{"id":"m-{{i}}","channel":"{{Channels[i % Channels.Length]}}","text":"{{Texts[i % Texts.Length]}}","timestamp":"{{timestamp}}","author":"user{{i % 997}}","lang":"en","url":"https://example.com/p/{{i}}","likes":{{i % 50}},"shares":{{i % 7}},"comments":{{i % 3}},"reach":{{i * 13 % 10_000}}}""");
            builder.Append('\n');
        }

        _body = Encoding.UTF8.GetBytes(builder.ToString());

        // A benchmark of a parser that rejects its input would measure the error path; refuse to run instead.
        var check = _parser.Parse(_body, MentionBodyFormat.NdJson, _now);
        if (!check.IsFullyAccepted || check.Accepted.Count != Lines)
        {
            throw new InvalidOperationException(
                $"Benchmark batch not fully accepted: {check.Accepted.Count} accepted, failure {check.Failure}, "
                + $"first error: {(check.Errors.Count > 0 ? check.Errors[0].ToString() : "none")}.");
        }
    }

    public int BodyBytes => _body.Length;

    [Benchmark(Description = "Parse one 10 000-line NDJSON batch")]
    public int ParseBatch() => _parser.Parse(_body, MentionBodyFormat.NdJson, _now).Accepted.Count;
}
