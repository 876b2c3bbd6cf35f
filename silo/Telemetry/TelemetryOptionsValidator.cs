using System.Globalization;
using Microsoft.Extensions.Options;

namespace Pulse.Silo.Telemetry;

/// <summary>Each setting of <see cref="TelemetryOptions"/> that cannot work, named with what would.</summary>
internal sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    private static readonly TimeSpan MinLagInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxLagInterval = TimeSpan.FromMinutes(5);

    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        const string s = TelemetryOptions.Section;
        if (options.Otlp && !(Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out var endpoint) && endpoint.Scheme is "http" or "https"))
        {
            errors.Add($"{s}:OtlpEndpoint '{options.OtlpEndpoint}' is not an absolute http or https URL, e.g. http://otel-collector:4317.");
        }

        if (options.OtlpProtocol is not (TelemetryOptions.Grpc or TelemetryOptions.HttpProtobuf))
        {
            errors.Add($"{s}:OtlpProtocol '{options.OtlpProtocol}' is not known: use '{TelemetryOptions.Grpc}' or '{TelemetryOptions.HttpProtobuf}'.");
        }

        if (options.OtlpHeaders is { Length: > 0 } headers && headers.Split(',').Any(h => h.IndexOf('=', StringComparison.Ordinal) <= 0))
        {
            errors.Add($"{s}:OtlpHeaders must be 'key=value' pairs separated by commas.");
        }

        if (!(options.TraceSampleRatio is >= 0 and <= 1))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{s}:TraceSampleRatio {options.TraceSampleRatio} is outside 0 to 1 (the share of requests traced)."));
        }

        if (options.IngestLogLagInterval < MinLagInterval || options.IngestLogLagInterval > MaxLagInterval)
        {
            errors.Add($"{s}:IngestLogLagInterval {options.IngestLogLagInterval} is outside {MinLagInterval} to {MaxLagInterval}.");
        }

        if (string.IsNullOrWhiteSpace(options.ServiceName))
        {
            errors.Add($"{s}:ServiceName must not be empty.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
