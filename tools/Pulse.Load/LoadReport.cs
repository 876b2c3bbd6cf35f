using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pulse.Load;

/// <summary>The outcome of a load run, printed at the end and written as JSON with <c>--report</c>. Rates are per second.</summary>
internal sealed record LoadReport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public required string Mode { get; init; }

    public required string[] Urls { get; init; }

    public double? TargetRate { get; init; }

    /// <summary>Seconds sent before the measured run and left out of every figure (<c>--warmup</c>).</summary>
    public double WarmupSeconds { get; init; }

    public required int Brands { get; init; }

    /// <summary>How traffic spread over the brands: <c>zipf</c> or <c>uniform</c>.</summary>
    public required string Spread { get; init; }

    /// <summary>What <c>--setup-brands</c> did; null without it.</summary>
    public BrandSetupReport? BrandSetup { get; init; }

    public required int Batch { get; init; }

    public required int Connections { get; init; }

    /// <summary>From the first send to the last answer.</summary>
    public required double DurationSeconds { get; init; }

    public required long Sent { get; init; }

    public required long Accepted { get; init; }

    public required long Rejected { get; init; }

    public required long Requests { get; init; }

    public required double AcceptedRate { get; init; }

    public required SortedDictionary<string, ErrorTally> Errors { get; init; }

    /// <summary>Milliseconds from sending a request to its answer (for Redis: the pipelined XADDs of a batch).</summary>
    public required LatencySummary RequestLatencyMs { get; init; }

    /// <summary>How processed counts were read back.</summary>
    public required string ProcessedSource { get; init; }

    /// <summary>Mentions of this run Pulse counted, once caught up (null when the host could not be read).</summary>
    public long? Processed { get; init; }

    /// <summary>Of those, counted by the time sending stopped.</summary>
    public long? ProcessedBySendEnd { get; init; }

    /// <summary><see cref="Processed"/> over the time from the first send until the count stopped rising.</summary>
    public double? ProcessedRate { get; init; }

    /// <summary>Seconds after sending stopped until the processed count reached accepted (or stopped rising).</summary>
    public double? CatchUpSeconds { get; init; }

    public required long ProbesSent { get; init; }

    public required int ProbesLost { get; init; }

    /// <summary>Milliseconds from starting the request carrying a probe to the hub snapshot first listing it.</summary>
    public required LatencySummary ProbeLatencyMs { get; init; }

    /// <summary>CPU time of this process while sending (all threads: generator, HTTP client, hub client).</summary>
    public required double GeneratorCpuSeconds { get; init; }

    /// <summary>Composing one mention into a batch, measured on one thread before the run.</summary>
    public required double ComposeMicrosecondsPerMention { get; init; }

    /// <summary>The CPU that composing the run's mentions took, by that measure.</summary>
    public required double ComposeSecondsDuringRun { get; init; }

    /// <summary>The server's memory (<c>--server-pid</c>); null without it.</summary>
    public ServerMemoryReport? ServerMemory { get; init; }

    public required int ExitCode { get; init; }

    public required string Verdict { get; init; }

    public Task WriteJsonAsync(string path) => File.WriteAllTextAsync(path, JsonSerializer.Serialize(this, Json));

    public async Task WriteTextAsync(TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        var lines = new List<string>
        {
            string.Create(c, $"pulse-load: {Mode} to {string.Join(", ", Urls)}, {Brands} brands ({Spread}), batch {Batch}, {Connections} connections"),
            string.Create(c, $"  duration        {DurationSeconds:0.0} s, target {(TargetRate is { } t ? t.ToString("0", c) + "/s" : "max")}{(WarmupSeconds > 0 ? $", after a {WarmupSeconds:0.#} s warm-up left out of every figure" : "")}"),
            string.Create(c, $"  sent            {Sent} mentions in {Requests} requests"),
            string.Create(c, $"  accepted        {Accepted} ({AcceptedRate:0}/s sustained), rejected {Rejected}"),
            "  errors          " + (Errors.Count == 0 ? "none" : string.Join(", ", Errors.Select(e => string.Create(c, $"{e.Key}: {e.Value.Requests} requests / {e.Value.Mentions} mentions")))),
            "  request ms      " + Format(RequestLatencyMs),
            string.Create(c, $"  processed       {Show(Processed)} ({Show(ProcessedRate, "0")}/s sustained; {Show(ProcessedBySendEnd)} by the end of sending, caught up {Show(CatchUpSeconds, "0.0")} s later)"),
            "                  read from " + ProcessedSource,
            string.Create(c, $"  ingest→hub ms   {Format(ProbeLatencyMs)}; {ProbesSent} probes sent, {ProbesLost} lost"),
            string.Create(c, $"  generator CPU   {GeneratorCpuSeconds:0.00} s ({100 * GeneratorCpuSeconds / Math.Max(DurationSeconds, 0.001):0}% of one core), of which composing batches {ComposeSecondsDuringRun:0.00} s ({ComposeMicrosecondsPerMention:0.00} µs a mention: {1 / ComposeMicrosecondsPerMention:0.0} M mentions/s per core)"),
            "  brand setup     " + (BrandSetup switch
            {
                null => "not asked (--setup-brands)",
                { Created: 0 } b => string.Create(c, $"none missing, {b.Existing} already there"),
                var b => string.Create(c, $"{b.Created} created in {b.Seconds:0.0} s ({b.Method}), {b.Existing} already there"),
            }),
            "  server memory   " + (ServerMemory is { } m
                ? string.Create(c, $"pid {m.Pid}: RSS {Show(m.RssBeforeMb, "0")} MB before, {Show(m.RssAfterMb, "0")} MB after, peak {Show(m.PeakRssMb, "0")} MB")
                : "not read (--server-pid PID)"),
            string.Create(c, $"  summary         {Brands} brands ({Spread}): end to end {Show(ProcessedRate, "0")}/s, accept phase {AcceptedRate:0}/s{(ServerMemory is { RssAfterMb: { } after } ? $", server RSS {after:0} MB" : "")}"),
            $"  verdict         {Verdict}",
        };
        foreach (var line in lines)
        {
            await output.WriteLineAsync(line).ConfigureAwait(false);
        }
    }

    private static string Format(LatencySummary s) => s.Count == 0
        ? "no samples"
        : string.Create(CultureInfo.InvariantCulture, $"p50 {s.P50:0.0}, p90 {s.P90:0.0}, p99 {s.P99:0.0}, max {s.Max:0.0} ({s.Count} samples)");

    private static string Show(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "n/a";

    private static string Show(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "n/a";
}
