using System.Text.Json.Nodes;
using Pulse.Deploy.Tests.Support;

namespace Pulse.Deploy.Tests.Kubernetes;

/// <summary>Reading pod templates of rendered workloads.</summary>
internal static class Pods
{
    public static JsonObject Template(JsonObject workload) => (JsonObject)workload["spec"]!["template"]!;

    public static JsonObject Spec(JsonObject workload) => (JsonObject)Template(workload)["spec"]!;

    public static IReadOnlyDictionary<string, string> Labels(JsonNode? metadataOwner) =>
        (metadataOwner?["metadata"]?["labels"] as JsonObject ?? []).ToDictionary(kv => kv.Key, kv => kv.Value.Text()!);

    public static IReadOnlyDictionary<string, string> MatchLabels(JsonNode? selector) =>
        (selector?["matchLabels"] as JsonObject ?? []).ToDictionary(kv => kv.Key, kv => kv.Value.Text()!);

    public static bool Selects(IReadOnlyDictionary<string, string> selector, IReadOnlyDictionary<string, string> labels) =>
        selector.Count > 0 && selector.All(kv => labels.TryGetValue(kv.Key, out var value) && value == kv.Value);

    public static IEnumerable<JsonObject> Containers(JsonObject workload) => Spec(workload)["containers"].Items();

    /// <summary>The container port a probe or Service names (by name or number).</summary>
    public static int? Port(JsonObject container, string? nameOrNumber) =>
        int.TryParse(nameOrNumber, out var number)
            ? number
            : container["ports"].Items().Where(p => p["name"].Text() == nameOrNumber).Select(p => (int?)int.Parse(p["containerPort"].Text()!, System.Globalization.CultureInfo.InvariantCulture)).SingleOrDefault();

    /// <summary>
    /// The container's environment as the process sees it: envFrom ConfigMaps, then env entries (later wins), with
    /// $(VAR) references expanded and secretKeyRef values taken from <paramref name="secrets"/>; fieldRefs become
    /// "fieldRef:PATH". A reference to a missing ConfigMap, Secret or key throws.
    /// </summary>
    public static Dictionary<string, string> Environment(JsonObject container, RenderedManifests manifests, IReadOnlyDictionary<string, string> podFields)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var from in container["envFrom"].Items())
        {
            var name = from["configMapRef"]?["name"].Text() ?? throw new InvalidOperationException("envFrom other than configMapRef");
            foreach (var (key, value) in (JsonObject)manifests.Get("ConfigMap", name)["data"]!)
            {
                env[key] = value.Text()!;
            }
        }

        foreach (var entry in container["env"].Items())
        {
            var key = entry["name"].Text()!;
            if (entry["value"] is { } literal)
            {
                env[key] = Expand(literal.Text() ?? "", env);
            }
            else if (entry["valueFrom"]?["secretKeyRef"] is { } secretRef)
            {
                var secret = manifests.Get("Secret", secretRef["name"].Text()!);
                var encoded = secret["data"]?[secretRef["key"].Text()!].Text()
                    ?? throw new InvalidOperationException($"{key}: Secret {secretRef["name"]} has no key {secretRef["key"]}");
                env[key] = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            }
            else if (entry["valueFrom"]?["fieldRef"]?["fieldPath"].Text() is { } field)
            {
                env[key] = podFields.TryGetValue(field, out var value) ? value : throw new InvalidOperationException($"{key}: no test value for field {field}");
            }
            else
            {
                throw new InvalidOperationException($"{key}: unsupported env source");
            }
        }

        return env;
    }

    // Kubernetes expands $(NAME) from variables defined before; an unknown one stays as written.
    private static string Expand(string value, Dictionary<string, string> env) =>
        System.Text.RegularExpressions.Regex.Replace(value, @"\$\(([A-Za-z_][A-Za-z0-9_]*)\)", m => env.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);
}
