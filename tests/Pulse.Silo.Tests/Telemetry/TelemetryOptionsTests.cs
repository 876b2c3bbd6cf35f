using Pulse.Silo.Tests.Auth;

namespace Pulse.Silo.Tests.Telemetry;

/// <summary>Telemetry settings that cannot work stop the start, naming the key and what would work.</summary>
public sealed class TelemetryOptionsTests
{
    [Theory]
    [InlineData("--Pulse:Telemetry:OtlpEndpoint=otel-collector:4317", "Pulse:Telemetry:OtlpEndpoint 'otel-collector:4317' is not an absolute http or https URL")]
    [InlineData("--Pulse:Telemetry:OtlpProtocol=udp", "Pulse:Telemetry:OtlpProtocol 'udp' is not known: use 'grpc' or 'http/protobuf'")]
    [InlineData("--Pulse:Telemetry:TraceSampleRatio=1.5", "Pulse:Telemetry:TraceSampleRatio 1.5 is outside 0 to 1")]
    [InlineData("--Pulse:Telemetry:OtlpHeaders=apikey", "Pulse:Telemetry:OtlpHeaders must be 'key=value' pairs")]
    [InlineData("--Pulse:Telemetry:IngestLogLagInterval=00:00:00.100", "Pulse:Telemetry:IngestLogLagInterval 00:00:00.1000000 is outside")]
    public async Task A_setting_that_cannot_work_stops_the_start(string setting, string message)
    {
        var failure = await HostStart.FailsAsync(setting);

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }
}
