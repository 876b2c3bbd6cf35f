using BenchmarkDotNet.Running;
using Pulse.Benchmarks.Memory;

// Measurements that are not BenchmarkDotNet runs come first, by name; everything else is BenchmarkDotNet's.
if (args.Length > 0 && args[0] == "grain-memory")
{
    return await GrainMemoryRun.RunAsync(args);
}

if (args.Length > 0 && args[0] == "pipeline")
{
    return await Pulse.Benchmarks.Pipeline.PipelineRun.RunAsync(args);
}

if (args.Length > 0 && args[0] == "brands")
{
    return await Pulse.Benchmarks.Brands.BrandsAtScaleRun.RunAsync(args);
}

if (args.Length > 0 && args[0] == "archive-search")
{
    return await Pulse.Benchmarks.Archive.ArchiveSearchRun.RunAsync(args);
}

if (args.Length > 0 && args[0] == "jetstream")
{
    return await Pulse.Benchmarks.Sources.JetstreamRun.RunAsync(args);
}

// Not typeof(Program): the silo (referenced for the ingest parser) has a public Program of its own.
BenchmarkSwitcher.FromAssembly(typeof(Pulse.Benchmarks.Sentiment.SentimentScorerBenchmarks).Assembly).Run(args);
return 0;
