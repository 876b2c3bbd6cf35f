using System.Diagnostics;
using System.Globalization;
using StackExchange.Redis;

namespace Pulse.Load;

/// <summary>
/// One load run: prepare brands, connect the probe listener, send until the deadline while printing progress,
/// wait for Pulse to catch up, and report.
/// </summary>
internal sealed class LoadRun(LoadOptions options, string? key, TextWriter output, bool terminal, TimeProvider time, ServerMemory? server = null)
{
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan ProbeLostAfter = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan CatchUpStall = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan CatchUpLimit = TimeSpan.FromSeconds(120);

    private readonly Uri _host = options.Urls[0];
    private (long Count, long At)? _processedLast;
    private (long Count, long At)? _processedPrevious;

    public async Task<LoadReport> RunAsync(CancellationToken cancellationToken)
    {
        using var http = CreateHttpClient(options.Connections, key);
        var brands = LoadBrands.Generate(options.Brands, options.Seed);
        var probeBrands = LoadBrands.Probes();
        var setup = await PrepareBrandsAsync(http, [.. brands, .. probeBrands], cancellationToken).ConfigureAwait(false);

        var pool = MentionPool.Create(brands, options.Seed, options.Spread);
        var ids = MentionIds.ForNow(time);
        var composeMicros = GeneratorCost.MeasureMicroseconds(pool, ids, time);
        var tracker = new ProbeTracker(time, ProbeLostAfter);
        var probes = new ProbeSource(ids, probeBrands, ProbeInterval, time);
        var counters = new LoadCounters();
        var (processed, baseline) = await ChooseProcessedReaderAsync(http, cancellationToken).ConfigureAwait(false);
        await using var listener = await ProbeListener.ConnectAsync(_host, key, probeBrands, tracker, time, cancellationToken).ConfigureAwait(false);
        using var redis = options.Redis is null ? null : await ConnectionMultiplexer.ConnectAsync(options.Redis).ConfigureAwait(false);
        var senders = Enumerable.Range(0, options.Connections)
            .Select(i => redis is null
                ? (ILoadSender)new HttpLoadSender(http, new Uri(options.Urls[i % options.Urls.Count], "/api/mentions"))
                : new RedisLoadSender(redis.GetDatabase(), options.ClusterId, options.Partitions, brands))
            .ToArray();
        var workers = new LoadWorkers(pool, ids, probes, tracker, counters,
            options.Rate is { } rate ? new TokenBucket(rate, time) : null, options.EffectiveBatch, time);

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{LoadArguments.Name}: {(redis is null ? "POST /api/mentions" : "XADD " + RedisLoadSender.IngestLogKey(options.ClusterId, 0) + "..")}, {(options.Rate is { } r ? r.ToString("0", CultureInfo.InvariantCulture) + "/s" : "max")} for {options.Duration.TotalSeconds:0.#} s, batches of {options.EffectiveBatch}, {options.Connections} connections, {options.Brands} brands ({options.Spread.ToString().ToLowerInvariant()}), pool of {pool.Count} mentions")).ConfigureAwait(false);

        var memoryBefore = server?.Read();

        var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        var start = time.GetTimestamp();
        var deadline = start + (long)((options.Warmup + options.Duration).TotalSeconds * time.TimestampFrequency);
        using var background = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var probing = probes.RunAsync(background.Token);
        var sending = workers.RunAsync(senders, deadline, cancellationToken);
        var progress = new LoadProgress(output, terminal);
        var total = (options.Warmup + options.Duration).TotalSeconds;
        var runStart = start;
        if (options.Warmup > TimeSpan.Zero)
        {
            // Sending goes on without a pause; only what the figures count starts again.
            await ShowProgressAsync(sending, progress, counters, tracker, start, runStart, total, until: start + (long)(options.Warmup.TotalSeconds * time.TimestampFrequency)).ConfigureAwait(false);
            // Processed counts stay measured from the first send: mentions accepted in the warm-up are still being
            // processed at its end, so the run's own are whatever Pulse counts beyond the warm-up's accepted ones.
            baseline += counters.Reset();
            tracker.Reset();
            cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
            start = time.GetTimestamp();
            workers.EndAt(start + (long)(options.Duration.TotalSeconds * time.TimestampFrequency));
        }

        var polling = PollProcessedAsync(processed, baseline, background.Token);
        await ShowProgressAsync(sending, progress, counters, tracker, start, runStart, total).ConfigureAwait(false);
        var sendEnd = time.GetTimestamp();
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalSeconds;
        await background.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(probing, polling).ConfigureAwait(false);
        await progress.EndAsync().ConfigureAwait(false);

        var bySendEnd = await processed.ReadAsync(CancellationToken.None).ConfigureAwait(false) - baseline;
        var (caughtUp, caughtUpAt) = await CatchUpAsync(processed, baseline, counters.Accepted, bySendEnd, tracker).ConfigureAwait(false);
        var memoryAfter = server?.Read();

        var duration = time.GetElapsedTime(start, sendEnd).TotalSeconds;
        var acceptedRate = counters.Accepted / Math.Max(duration, 0.001);
        var (exitCode, verdict) = Judge(counters.Accepted, acceptedRate, caughtUp);
        return new LoadReport
        {
            Mode = redis is null ? "http" : "redis",
            Urls = [.. options.Urls.Select(u => u.ToString())],
            TargetRate = options.Rate,
            WarmupSeconds = options.Warmup.TotalSeconds,
            Brands = options.Brands,
            Spread = options.Spread.ToString().ToLowerInvariant(),
            BrandSetup = setup,
            Batch = options.EffectiveBatch,
            Connections = options.Connections,
            DurationSeconds = duration,
            Sent = counters.Sent,
            Accepted = counters.Accepted,
            Rejected = counters.Rejected,
            Requests = counters.Requests,
            AcceptedRate = acceptedRate,
            Errors = counters.Errors(),
            RequestLatencyMs = counters.RequestLatency(),
            ProcessedSource = processed.Source,
            Processed = caughtUp,
            ProcessedBySendEnd = bySendEnd,
            ProcessedRate = caughtUp is { } n ? n / Math.Max(time.GetElapsedTime(start, caughtUpAt).TotalSeconds, 0.001) : null,
            CatchUpSeconds = caughtUp is null ? null : Math.Max(0, time.GetElapsedTime(sendEnd, caughtUpAt).TotalSeconds),
            ProbesSent = tracker.SentCount,
            ProbesLost = tracker.Lost(),
            ProbeLatencyMs = tracker.Summary(),
            GeneratorCpuSeconds = cpu,
            ComposeMicrosecondsPerMention = composeMicros,
            ComposeSecondsDuringRun = composeMicros * counters.Sent / 1e6,
            ServerMemory = server is null ? null : new ServerMemoryReport(server.Pid, memoryBefore?.RssMb, memoryAfter?.RssMb, memoryAfter?.PeakRssMb ?? memoryBefore?.PeakRssMb),
            ExitCode = exitCode,
            Verdict = verdict,
        };
    }

    /// <summary>
    /// One host POSTed to: its Prometheus counters, cheap at any number of brands. Several hosts, or <c>--redis</c>, are a
    /// cluster, where partitions move between silos and a replay after a silo's death counts again, so only the overview
    /// (which asks every brand's grains) is exact; it is also the fallback where /metrics is switched off.
    /// </summary>
    private async Task<(IProcessedReader Reader, long? Baseline)> ChooseProcessedReaderAsync(HttpClient http, CancellationToken cancellationToken)
    {
        if (options.Redis is null && options.Urls.Count == 1)
        {
            var metrics = new MetricsProcessedReader(http, options.Urls);
            if (await metrics.ReadAsync(cancellationToken).ConfigureAwait(false) is { } count)
            {
                return (metrics, count);
            }
        }

        var overview = new ProcessedReader(http, _host, options.Brands);
        return (overview, await overview.ReadAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Exit 1 when nothing was accepted or processed, or when a paced run accepted under half its target rate.</summary>
    private (int Code, string Verdict) Judge(long accepted, double acceptedRate, long? processed)
    {
        if (accepted == 0)
        {
            return (LoadCommand.Failed, "failed: nothing was accepted");
        }

        if (processed == 0)
        {
            return (LoadCommand.Failed, "failed: Pulse counted none of the accepted mentions (are the load-* brands set up? try --setup-brands)");
        }

        if (options.Rate is { } target && acceptedRate < target / 2)
        {
            return (LoadCommand.Failed, string.Create(CultureInfo.InvariantCulture, $"failed: accepted {acceptedRate:0}/s, under half the target {target:0}/s"));
        }

        return (LoadCommand.Ok, "ok");
    }

    private async Task<BrandSetupReport?> PrepareBrandsAsync(HttpClient http, LoadBrand[] all, CancellationToken cancellationToken)
    {
        var existing = await BrandSetup.ExistingAsync(http, _host, cancellationToken).ConfigureAwait(false);
        if (options.SetupBrands)
        {
            var begin = time.GetTimestamp();
            var (created, method) = await BrandSetup.CreateMissingAsync(http, _host, all, existing, cancellationToken).ConfigureAwait(false);
            var seconds = time.GetElapsedTime(begin).TotalSeconds;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{LoadArguments.Name}: brands: {created} created{(created > 0 ? $" in {seconds:0.0} s ({method})" : "")}, {all.Length - created} already there")).ConfigureAwait(false);
            return new BrandSetupReport(created, all.Length - created, method, seconds);
        }

        var missing = all.Count(b => !existing.Contains(b.Id));
        if (missing > 0)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{LoadArguments.Name}: warning: {missing} of the {all.Length} generated brands are missing on {_host}; their mentions match nothing (use --setup-brands)")).ConfigureAwait(false);
        }

        return null;
    }

    /// <summary>Prints a progress line a second until sending ends or, with <paramref name="until"/>, that moment passes.</summary>
    /// <param name="runStart">When the whole run (warm-up included) began, and <paramref name="total"/> its seconds: the bar.</param>
    private async Task ShowProgressAsync(Task sending, LoadProgress progress, LoadCounters counters, ProbeTracker tracker, long start, long runStart, double total, long? until = null)
    {
        long lastSent = 0, lastAccepted = 0;
        var lastAt = start;
        while (await Task.WhenAny(sending, Task.Delay(NextTick(until), time)).ConfigureAwait(false) != sending)
        {
            var now = time.GetTimestamp();
            if (now >= until)
            {
                return;
            }

            var seconds = time.GetElapsedTime(lastAt, now).TotalSeconds;
            if (seconds < 0.5)
            {
                continue; // a short wait up to the warm-up's end that came back early: too short for a rate
            }

            long sent = counters.Sent, accepted = counters.Accepted;
            await progress.WriteAsync(time.GetElapsedTime(runStart, now).TotalSeconds / total, until is null ? "" : "warm-up ", time.GetElapsedTime(start, now).TotalSeconds, (sent - lastSent) / seconds, (accepted - lastAccepted) / seconds,
                ProcessedPerSecond(), counters.ErrorRequests(), counters.RequestLatency(), tracker.Summary()).ConfigureAwait(false);
            (lastSent, lastAccepted, lastAt) = (sent, accepted, now);
        }

        await sending.ConfigureAwait(false);
    }

    /// <summary>A second, or less when <paramref name="until"/> comes sooner.</summary>
    private TimeSpan NextTick(long? until)
    {
        var second = TimeSpan.FromSeconds(1);
        if (until is not { } end)
        {
            return second;
        }

        var left = TimeSpan.FromSeconds((double)(end - time.GetTimestamp()) / time.TimestampFrequency);
        return left < TimeSpan.Zero ? TimeSpan.Zero : left < second ? left : second;
    }

    private double? ProcessedPerSecond()
    {
        var (last, previous) = (_processedLast, _processedPrevious);
        return last is { } l && previous is { } p && l.At > p.At
            ? (l.Count - p.Count) / time.GetElapsedTime(p.At, l.At).TotalSeconds
            : null;
    }

    private async Task PollProcessedAsync(IProcessedReader reader, long? baseline, CancellationToken cancellationToken)
    {
        if (baseline is null)
        {
            return;
        }

        _processedLast = (0, time.GetTimestamp());
        using var timer = new PeriodicTimer(reader.PollInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) is { } count)
                {
                    (_processedPrevious, _processedLast) = (_processedLast, (count - baseline.Value, time.GetTimestamp()));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// Polls every second until the processed count reaches what was accepted, or stops rising for a while; also waits
    /// for probes still in flight. Returns the final count and when it was first seen.
    /// </summary>
    private async Task<(long? Count, long At)> CatchUpAsync(IProcessedReader reader, long? baseline, long accepted, long? current, ProbeTracker tracker)
    {
        var now = time.GetTimestamp();
        if (baseline is null || current is null)
        {
            return (null, now);
        }

        var (count, at, begin) = (current.Value, now, now);
        bool ProbesPending() => tracker.InFlight > 0 && time.GetElapsedTime(begin) < ProbeLostAfter;
        while (count < accepted || ProbesPending())
        {
            var stalled = count < accepted && time.GetElapsedTime(at) > CatchUpStall && !ProbesPending();
            if (stalled || time.GetElapsedTime(begin) > CatchUpLimit)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), time).ConfigureAwait(false);
            if (await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false) - baseline is { } next && next > count)
            {
                (count, at) = (next, time.GetTimestamp());
            }
        }

        return (count, at);
    }

    private static HttpClient CreateHttpClient(int connections, string? key)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1) })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        if (!string.IsNullOrEmpty(key))
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        }

        return http;
    }
}
