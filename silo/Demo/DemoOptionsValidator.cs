using Microsoft.Extensions.Options;

namespace Pulse.Silo.Demo;

/// <summary>Fails start-up on settings that would make the demo silent, flooding or overlapping.</summary>
internal sealed class DemoOptionsValidator : IValidateOptions<DemoOptions>
{
    public ValidateOptionsResult Validate(string? name, DemoOptions options)
    {
        var failures = new List<string>();
        if (options.Seed < 0)
        {
            failures.Add($"{nameof(DemoOptions.Seed)} must not be negative.");
        }

        if (!(options.RateMultiplier > 0 && options.RateMultiplier <= 100))
        {
            failures.Add($"{nameof(DemoOptions.RateMultiplier)} must be in (0, 100].");
        }

        if (options.CrisisDuration < TimeSpan.FromSeconds(10))
        {
            failures.Add($"{nameof(DemoOptions.CrisisDuration)} must be at least 10 s (the ramp-up).");
        }

        // The decay tail after a crisis must end before the next one starts.
        if (options.CrisisInterval < options.CrisisDuration + DemoScenario.CrisisDecay)
        {
            failures.Add($"{nameof(DemoOptions.CrisisInterval)} must exceed {nameof(DemoOptions.CrisisDuration)} by at least {DemoScenario.CrisisDecay.TotalSeconds} s.");
        }

        if (!(options.CrisisMultiplier >= 1 && options.CrisisMultiplier <= 100))
        {
            failures.Add($"{nameof(DemoOptions.CrisisMultiplier)} must be in [1, 100].");
        }

        if (options.FirstCrisisDelay < TimeSpan.Zero)
        {
            failures.Add($"{nameof(DemoOptions.FirstCrisisDelay)} must not be negative.");
        }

        if (options.TickInterval < TimeSpan.FromMilliseconds(10) || options.TickInterval > TimeSpan.FromSeconds(10))
        {
            failures.Add($"{nameof(DemoOptions.TickInterval)} must be between 10 ms and 10 s.");
        }

        if (string.IsNullOrWhiteSpace(options.BrandsFile))
        {
            failures.Add($"{nameof(DemoOptions.BrandsFile)} is required.");
        }
        else if (options.Enabled && !File.Exists(DemoBrands.ResolvePath(options.BrandsFile)))
        {
            failures.Add($"{nameof(DemoOptions.BrandsFile)} '{DemoBrands.ResolvePath(options.BrandsFile)}' does not exist.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
