using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pulse.Deploy.Tests.Support;

namespace Pulse.Deploy.Tests.Compose;

/// <summary>deploy/compose/compose.yaml with its ${VAR} references filled in as compose fills them.</summary>
internal static partial class ComposeFile
{
    public static string PathOnDisk => Repository.PathOf("deploy", "compose", "compose.yaml");

    /// <summary>The file's services, with <paramref name="variables"/> substituted (a missing required one throws, like compose).</summary>
    public static JsonObject Services(IReadOnlyDictionary<string, string> variables)
    {
        var text = Reference().Replace(File.ReadAllText(PathOnDisk), m =>
        {
            var name = m.Groups["name"].Value;
            if (variables.TryGetValue(name, out var value) && value.Length > 0)
            {
                return value;
            }

            return m.Groups["op"].Value switch
            {
                ":-" => m.Groups["rest"].Value,
                ":?" => throw new InvalidOperationException($"{name}: {m.Groups["rest"].Value}"),
                _ => "",
            };
        });
        return (JsonObject)Yaml.Load(text)["services"]!;
    }

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?<op>:-|:\?)(?<rest>[^}]*))?\}")]
    private static partial Regex Reference();
}
