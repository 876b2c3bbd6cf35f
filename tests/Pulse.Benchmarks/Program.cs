using BenchmarkDotNet.Running;

// Not typeof(Program): the silo (referenced for the ingest parser) has a public Program of its own.
BenchmarkSwitcher.FromAssembly(typeof(Pulse.Benchmarks.Sentiment.SentimentScorerBenchmarks).Assembly).Run(args);
