using Microsoft.Extensions.Options;

namespace Pulse.Silo.Ingest;

/// <summary>Fails start-up on limits that would make the ingest endpoint reject everything or misbehave.</summary>
internal sealed class IngestOptionsValidator : IValidateOptions<IngestOptions>
{
    public ValidateOptionsResult Validate(string? name, IngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxBatchItems < 1)
        {
            failures.Add($"{IngestOptions.SectionName}:MaxBatchItems must be at least 1.");
        }

        // The body is buffered in one array, so it cannot exceed the largest array.
        if (options.MaxBodyBytes < 1 || options.MaxBodyBytes > Array.MaxLength)
        {
            failures.Add($"{IngestOptions.SectionName}:MaxBodyBytes must be between 1 and {Array.MaxLength}.");
        }

        if (options.MaxTextLength < 1)
        {
            failures.Add($"{IngestOptions.SectionName}:MaxTextLength must be at least 1.");
        }

        if (options.MaxFutureSkew < TimeSpan.Zero)
        {
            failures.Add($"{IngestOptions.SectionName}:MaxFutureSkew must not be negative.");
        }

        if (options.Channels is null || options.Channels.Count == 0)
        {
            failures.Add($"{IngestOptions.SectionName}:Channels must list at least one channel.");
        }
        else if (options.Channels.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add($"{IngestOptions.SectionName}:Channels must not contain blank names.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
