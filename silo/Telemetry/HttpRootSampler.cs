using OpenTelemetry.Trace;

namespace Pulse.Silo.Telemetry;

/// <summary>
/// Decides for spans without a parent: an incoming HTTP request is traced with probability <c>ratio</c>; any other root
/// (a grain timer's call, a source's or the demo's ingest) is not. Behind <see cref="ParentBasedSampler"/>, so everything
/// a traced request causes is traced, and the 8 000 grain ticks a second of 1 000 brands start no traces of their own.
/// </summary>
internal sealed class HttpRootSampler(double ratio) : Sampler
{
    /// <summary>The name ASP.NET Core gives the activity of each request when it is created (it is renamed later).</summary>
    private const string HttpRequestIn = "Microsoft.AspNetCore.Hosting.HttpRequestIn";

    private static readonly SamplingResult Drop = new(SamplingDecision.Drop);

    private readonly TraceIdRatioBasedSampler _requests = new(ratio);

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        samplingParameters.Name == HttpRequestIn ? _requests.ShouldSample(samplingParameters) : Drop;
}
