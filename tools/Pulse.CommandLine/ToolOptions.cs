using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Pulse.CommandLine;

/// <summary>
/// Options whose value is checked as it is parsed, with a message naming the option, what it takes and what it got
/// (<c>--batch must be a whole number from 1 to 10000, not '20000'</c>).
/// </summary>
public static class ToolOptions
{
    public static Option<int> Count(string name, int min, int max, int defaultValue, string description) =>
        new(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result => int.TryParse(TokenOf(result), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
                ? value
                : Fail<int>(result, string.Create(CultureInfo.InvariantCulture, $"{name} must be a whole number from {min} to {max}, not '{TokenOf(result)}'")),
        };

    public static Option<double?> Positive(string name, string description) =>
        new(name)
        {
            Description = description,
            CustomParser = result => double.TryParse(TokenOf(result), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value > 0 && double.IsFinite(value)
                ? value
                : Fail<double?>(result, $"{name} must be a positive number, not '{TokenOf(result)}'"),
        };

    /// <summary>One of <paramref name="values"/>, case-insensitively; the message lists them.</summary>
    public static Option<TEnum> OneOf<TEnum>(string name, TEnum defaultValue, string description)
        where TEnum : struct, Enum
    {
        var names = Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()).ToArray();
        var option = new Option<TEnum>(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            HelpName = string.Join('|', names),
            CustomParser = result => Enum.TryParse<TEnum>(TokenOf(result), ignoreCase: true, out var value) && Enum.IsDefined(value) && !char.IsDigit(TokenOf(result).FirstOrDefault())
                ? value
                : Fail<TEnum>(result, $"{name} must be {Alternatives(names)}, not '{TokenOf(result)}'"),
        };
        option.CompletionSources.Add(names);
        return option;
    }

    /// <summary>The one token an option was given (System.CommandLine reports a missing one before a parser runs).</summary>
    public static string TokenOf(ArgumentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
    }

    public static T Fail<T>(ArgumentResult result, string message)
    {
        ArgumentNullException.ThrowIfNull(result);
        result.AddError(message);
        return default!;
    }

    private static string Alternatives(string[] names) =>
        names.Length == 1 ? names[0] : string.Join(", ", names[..^1]) + " or " + names[^1];
}
