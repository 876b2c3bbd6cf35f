using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Pulse.Silo.Brands;

/// <summary>
/// Fails start-up on a brands file that cannot be read or holds an invalid brand (a query past a limit, say), naming
/// the file and brand, instead of letting the seeder fail later in the background.
/// </summary>
internal sealed class BrandsOptionsValidator(LoadedBrandsFile file) : IValidateOptions<BrandsOptions>
{
    public BrandsOptionsValidator()
        : this(new LoadedBrandsFile())
    {
    }

    public ValidateOptionsResult Validate(string? name, BrandsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.File is not { Length: > 0 } configured)
        {
            return ValidateOptionsResult.Success;
        }

        var path = BrandSeeder.Resolve(configured);
        try
        {
            file.Load(path);
            return ValidateOptionsResult.Success;
        }
        catch (Exception ex) when (ex is InvalidDataException or JsonException or IOException or UnauthorizedAccessException)
        {
            return ValidateOptionsResult.Fail($"{BrandsOptions.Section}:File: {ex.Message}");
        }
    }
}
