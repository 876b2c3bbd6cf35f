using Microsoft.Extensions.Options;

namespace Pulse.Silo.Auth;

/// <summary>A weak or mangled bootstrap key stops the start, naming the setting, rather than letting anyone in.</summary>
internal sealed class PulseAuthOptionsValidator : IValidateOptions<PulseAuthOptions>
{
    public ValidateOptionsResult Validate(string? name, PulseAuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.AdminKey is not { } key)
        {
            return ValidateOptionsResult.Success;
        }

        if (key.Length < PulseAuthOptions.MinAdminKeyLength)
        {
            return ValidateOptionsResult.Fail(
                $"{PulseAuthOptions.Section}:AdminKey is {key.Length} characters; use at least {PulseAuthOptions.MinAdminKeyLength} random ones " +
                "(e.g. `openssl rand -hex 32`), or leave it unset.");
        }

        if (key.Any(char.IsWhiteSpace))
        {
            return ValidateOptionsResult.Fail($"{PulseAuthOptions.Section}:AdminKey contains white space (a copy-paste slip?); a Bearer header could not carry it.");
        }

        return ValidateOptionsResult.Success;
    }
}
