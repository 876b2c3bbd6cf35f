using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Hosting.Kubernetes;
using Pulse.Silo.Cli;
using Pulse.Silo.Cluster.Kubernetes;
using Pulse.Testing;

namespace Pulse.Silo.Tests.Cluster;

/// <summary>
/// Pulse:Cluster:Kubernetes:Enabled switches on Orleans' Kubernetes hosting for a cluster silo: it reads the pod from the
/// downward API's variables and refuses to start without them. (Watching real pods needs a Kubernetes API server, which
/// these machines do not have; the manifests that grant it are checked in Pulse.Deploy.Tests.)
/// </summary>
[Collection(PodEnvironmentCollection.Name)]
public sealed class KubernetesHostingTests
{
    [Fact]
    public async Task A_silo_with_kubernetes_hosting_and_no_pod_namespace_refuses_to_start_naming_the_variable()
    {
        using var pod = PodEnvironment.Set(name: "pulse-silo-7f9c", @namespace: null);
        await using var app = ClusterSilo("--Pulse:Cluster:Kubernetes:Enabled=true");

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("POD_NAMESPACE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_silo_with_kubernetes_hosting_is_named_after_its_pod()
    {
        using var pod = PodEnvironment.Set(name: "pulse-silo-7f9c", @namespace: "pulse");
        await using var app = ClusterSilo("--Pulse:Cluster:Kubernetes:Enabled=true");

        var invalid = Record.Exception(() => app.Services.GetRequiredService<IOptions<KubernetesHostingOptions>>().Value);

        Assert.Null(invalid);
        Assert.Equal("pulse-silo-7f9c", app.Services.GetRequiredService<IOptions<SiloOptions>>().Value.SiloName);
    }

    [Fact]
    public async Task Without_the_setting_a_silo_ignores_the_pod_variables()
    {
        using var pod = PodEnvironment.Set(name: "pulse-silo-7f9c", @namespace: "pulse");
        await using var app = ClusterSilo();

        Assert.NotEqual("pulse-silo-7f9c", app.Services.GetRequiredService<IOptions<SiloOptions>>().Value.SiloName);
        Assert.Empty(app.Services.GetServices<IValidateOptions<KubernetesHostingOptions>>());
    }

    /// <summary>A cluster silo host, built but not started (its Redis is never reached).</summary>
    private static WebApplication ClusterSilo(params string[] args) => PulseCommandLine.CreateApp(ServeArguments.ToConfiguration(
    [
        "--urls=http://127.0.0.1:0", "--redis", $"127.0.0.1:{FreePort.Next()}", "--Logging:LogLevel:Default=Warning", .. args,
    ]));

    /// <summary>POD_NAME and POD_NAMESPACE for one test; the previous values come back on dispose.</summary>
    private sealed class PodEnvironment : IDisposable
    {
        private readonly string? _name = Environment.GetEnvironmentVariable(KubernetesHostingOptions.PodNameEnvironmentVariable);
        private readonly string? _namespace = Environment.GetEnvironmentVariable(KubernetesHostingOptions.PodNamespaceEnvironmentVariable);

        public static PodEnvironment Set(string? name, string? @namespace)
        {
            var saved = new PodEnvironment();
            Environment.SetEnvironmentVariable(KubernetesHostingOptions.PodNameEnvironmentVariable, name);
            Environment.SetEnvironmentVariable(KubernetesHostingOptions.PodNamespaceEnvironmentVariable, @namespace);
            return saved;
        }

        public void Dispose()
        {
            Environment.SetEnvironmentVariable(KubernetesHostingOptions.PodNameEnvironmentVariable, _name);
            Environment.SetEnvironmentVariable(KubernetesHostingOptions.PodNamespaceEnvironmentVariable, _namespace);
        }
    }
}

/// <summary>Tests that set the pod variables of the process run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class PodEnvironmentCollection
{
    public const string Name = "Pod environment";
}
