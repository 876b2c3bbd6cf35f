using System.Collections.Frozen;

namespace Pulse.Grains.Wire;

/// <summary>
/// The strings an enum of the model is written as where it leaves the silo: JSON at the HTTP, SignalR and webhook
/// boundary (<see cref="WireNameJsonConverter{TEnum}"/>) and Orleans fields (<see cref="WireNameCodec{TEnum}"/>).
/// </summary>
/// <remarks>Spelled out per value rather than derived from the member names: they are a contract (dashboard, webhook
/// receivers, stored state), which renaming a member must not change.</remarks>
public sealed class WireNames<TEnum>
    where TEnum : struct, Enum
{
    private readonly FrozenDictionary<TEnum, string> _names;
    private readonly FrozenDictionary<string, TEnum> _values;

    public WireNames(params (TEnum Value, string Name)[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        _names = names.ToFrozenDictionary(n => n.Value, n => n.Name);
        _values = names.ToFrozenDictionary(n => n.Name, n => n.Value, StringComparer.Ordinal);
        Known = string.Join(", ", names.Select(n => n.Name));
        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (!_names.ContainsKey(value))
            {
                throw new ArgumentException($"{typeof(TEnum).Name}.{value} has no wire name.", nameof(names));
            }
        }
    }

    /// <summary>The names, in the order given ("low, normal, high"): for messages that say what is accepted.</summary>
    public string Known { get; }

    public string Of(TEnum value) =>
        _names.TryGetValue(value, out var name) ? name : throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a {typeof(TEnum).Name}.");

    /// <summary>The value named exactly <paramref name="name"/> (ordinal: callers normalise input they accept loosely).</summary>
    public bool TryParse(string? name, out TEnum value)
    {
        value = default;
        return name is not null && _values.TryGetValue(name, out value);
    }

    public TEnum Parse(string? name) =>
        TryParse(name, out var value) ? value : throw new FormatException($"'{name}' is not a {typeof(TEnum).Name} ({Known}).");
}
