using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pulse.Grains.Wire;

/// <summary>JSON of an enum of the model: its wire name (System.Text.Json wraps it for nullable values).</summary>
public sealed class WireNameJsonConverter<TEnum>(WireNames<TEnum> names) : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && names.TryParse(reader.GetString(), out var value)
            ? value
            : throw new JsonException($"Expected one of {names.Known} for {typeof(TEnum).Name}.");

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(names.Of(value));
    }
}
