using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pulse.Deploy.Tests.Support;

/// <summary>
/// YAML documents as JSON nodes, to navigate them like the API objects they are. Every scalar becomes a string (YAML
/// 1.1's `yes` stays "yes"); anchors, aliases and merge keys (`&lt;&lt;: *x`) are resolved as compose resolves them.
/// </summary>
internal static class Yaml
{
    public static IReadOnlyList<JsonObject> LoadAll(string text)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(text);
        stream.Load(reader);
        return [.. stream.Documents.Where(d => d.RootNode is YamlMappingNode).Select(d => (JsonObject)ToJson(d.RootNode)!)];
    }

    public static JsonObject Load(string text) => LoadAll(text).Single();

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => Mapping(map),
        YamlSequenceNode list => new JsonArray([.. list.Children.Select(ToJson)]),
        YamlScalarNode { Value: var value, Style: ScalarStyle.Plain } when value is "" or "~" or "null" => null,
        YamlScalarNode scalar => JsonValue.Create(scalar.Value ?? ""),
        _ => throw new NotSupportedException(node.NodeType.ToString()),
    };

    // A merge key's mappings come first and the mapping's own keys override them (YAML 1.1 merge, as compose reads it).
    private static JsonObject Mapping(YamlMappingNode map)
    {
        var result = new JsonObject();
        foreach (var (key, value) in map.Children)
        {
            if (((YamlScalarNode)key).Value == "<<")
            {
                var merged = value is YamlSequenceNode several ? several.Children : [value];
                foreach (var source in merged.Reverse())
                {
                    foreach (var (k, v) in Mapping((YamlMappingNode)source))
                    {
                        result[k] = v?.DeepClone();
                    }
                }
            }
        }

        foreach (var (key, value) in map.Children)
        {
            var name = ((YamlScalarNode)key).Value!;
            if (name != "<<")
            {
                result[name] = ToJson(value);
            }
        }

        return result;
    }

    /// <summary>The string at <paramref name="node"/>, or null.</summary>
    public static string? Text(this JsonNode? node) => node?.GetValue<string>();

    /// <summary>The children of a sequence (none when it is missing).</summary>
    public static IEnumerable<JsonObject> Items(this JsonNode? node) => node is JsonArray array ? array.OfType<JsonObject>() : [];
}
