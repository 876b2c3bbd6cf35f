using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Pulse.Deploy.Tests.Support;

namespace Pulse.Deploy.Tests.Kubernetes;

/// <summary>
/// deploy/kubernetes as `kubectl apply -k` would send it: a copy given a secrets.env as the README says, rendered by
/// kubectl's own kustomize. The machine has no Kubernetes API server; what the tests check is the rendered objects.
/// </summary>
public sealed class RenderedManifests : IAsyncLifetime
{
    private string? _copy;

    public IReadOnlyList<JsonObject> Objects { get; private set; } = [];

    /// <summary>The values written to secrets.env, by key.</summary>
    public IReadOnlyDictionary<string, string> Secrets { get; private set; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        if (!Command.Exists("kubectl"))
        {
            throw new InvalidOperationException("kubectl is not installed: tests/run.sh installs it (Debian: kubernetes-client).");
        }

        _copy = Directory.CreateTempSubdirectory("pulse-kustomize-").FullName;
        var source = Repository.PathOf("deploy", "kubernetes");
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(_copy, Path.GetFileName(file)));
        }

        // The keys the example names, each with a fresh value, as an operator fills it in.
        Secrets = File.ReadAllLines(Path.Combine(source, "secrets.env.example"))
            .Where(line => line.Contains('=', StringComparison.Ordinal) && !line.StartsWith('#'))
            .Select(line => line[..line.IndexOf('=', StringComparison.Ordinal)])
            .ToDictionary(key => key, _ => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)));
        await File.WriteAllLinesAsync(Path.Combine(_copy, "secrets.env"), Secrets.Select(kv => $"{kv.Key}={kv.Value}"));

        var rendered = await Command.RunAsync("kubectl", ["kustomize", _copy], TimeSpan.FromMinutes(1));
        Objects = Yaml.LoadAll(rendered.OrThrow());
    }

    public Task DisposeAsync()
    {
        if (_copy is not null)
        {
            Directory.Delete(_copy, recursive: true);
        }

        return Task.CompletedTask;
    }

    public IEnumerable<JsonObject> OfKind(string kind) => Objects.Where(o => o["kind"].Text() == kind);

    public JsonObject Get(string kind, string name) =>
        OfKind(kind).SingleOrDefault(o => o["metadata"]?["name"].Text() == name)
        ?? throw new InvalidOperationException($"No {kind} {name} in the rendered manifests.");

    /// <summary>The generated object (ConfigMap or Secret) whose name kustomize derived from <paramref name="generatorName"/>.</summary>
    public JsonObject Generated(string kind, string generatorName) =>
        OfKind(kind).Single(o => o["metadata"]?["name"].Text() is { } name && name.StartsWith(generatorName + "-", StringComparison.Ordinal));

    /// <summary>Deployments and StatefulSets.</summary>
    public IEnumerable<JsonObject> Workloads => Objects.Where(o => o["kind"].Text() is "Deployment" or "StatefulSet");
}
