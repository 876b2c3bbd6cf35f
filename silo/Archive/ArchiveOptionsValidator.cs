using Microsoft.Extensions.Options;
using Npgsql;

namespace Pulse.Silo.Archive;

internal sealed class ArchiveOptionsValidator : IValidateOptions<ArchiveOptions>
{
    public ValidateOptionsResult Validate(string? name, ArchiveOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string s = ArchiveOptions.Section;
        var errors = new List<string>();
        if (options.Enabled)
        {
            try
            {
                var parsed = new NpgsqlConnectionStringBuilder(options.ConnectionString);
                if (string.IsNullOrWhiteSpace(parsed.Host))
                {
                    errors.Add($"{s}:ConnectionString names no Host.");
                }
            }
            catch (ArgumentException e)
            {
                errors.Add($"{s}:ConnectionString is not a PostgreSQL connection string: {e.Message}");
            }
        }

        if (options.BatchSize is < 1 or > 1_000_000)
        {
            errors.Add($"{s}:BatchSize must be 1 to 1000000, not {options.BatchSize}.");
        }

        if (options.Writers is < 1 or > 16)
        {
            errors.Add($"{s}:Writers must be 1 to 16, not {options.Writers}.");
        }

        if (options.BufferCapacity < options.BatchSize)
        {
            errors.Add($"{s}:BufferCapacity ({options.BufferCapacity}) must hold at least one batch ({options.BatchSize}).");
        }

        if (options.FlushInterval <= TimeSpan.Zero || options.FlushInterval > TimeSpan.FromMinutes(1))
        {
            errors.Add($"{s}:FlushInterval must be above 0 and at most 00:01:00, not {options.FlushInterval}.");
        }

        foreach (var (key, value) in (ReadOnlySpan<(string, TimeSpan)>)[
            ("MentionRetention", options.MentionRetention),
            ("HourlyRollupRetention", options.HourlyRollupRetention),
            ("DailyRollupRetention", options.DailyRollupRetention)])
        {
            if (value < TimeSpan.FromDays(1))
            {
                errors.Add($"{s}:{key} must be at least 1.00:00:00 (a day), not {value}.");
            }
        }

        if (options.RetentionInterval < TimeSpan.FromSeconds(1) || options.RetentionInterval > TimeSpan.FromDays(1))
        {
            errors.Add($"{s}:RetentionInterval must be between 00:00:01 and 1.00:00:00, not {options.RetentionInterval}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
