using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Pulse.Deploy.Tests.Support;
using Pulse.Silo.Auth;
using Pulse.Silo.Cli;
using Pulse.Silo.Cluster;
using Pulse.Silo.Cluster.Kubernetes;
using Pulse.Silo.Hosting;

namespace Pulse.Deploy.Tests.Kubernetes;

/// <summary>
/// deploy/kubernetes, rendered by kubectl's kustomize: the objects fit together (selectors, ports, references), the pods
/// run the way the image and Pulse expect (probes, user, writable /tmp, shutdown time), the silos have what Orleans'
/// Kubernetes hosting needs, and the settings the pods get, read by Pulse's own host builder, make the hosts they should.
/// </summary>
public sealed class KubernetesManifestTests(RenderedManifests manifests) : IClassFixture<RenderedManifests>
{
    private const string PodIp = "10.244.1.17";

    private static readonly Dictionary<string, string> PodFields = new()
    {
        ["metadata.name"] = "pulse-silo-5d8f7c9b4-x2kqp",
        ["metadata.namespace"] = "pulse",
        ["status.podIP"] = PodIp,
    };

    [Fact]
    public void Every_workload_selects_its_own_pods_and_every_service_budget_policy_and_autoscaler_finds_a_workload()
    {
        var workloads = manifests.Workloads.ToList();
        Assert.Equal(["pulse-dashboard", "pulse-redis", "pulse-silo"], workloads.Select(w => w["metadata"]!["name"].Text()).Order(StringComparer.Ordinal));
        foreach (var workload in workloads)
        {
            Assert.True(Pods.Selects(Pods.MatchLabels(workload["spec"]!["selector"]), Pods.Labels(Pods.Template(workload))), $"{Name(workload)} does not select its pods");
        }

        foreach (var service in manifests.OfKind("Service"))
        {
            var target = Assert.Single(workloads, w => Pods.Selects(ServiceSelector(service), Pods.Labels(Pods.Template(w))));
            foreach (var port in service["spec"]!["ports"].Items())
            {
                Assert.True(Pods.Containers(target).Any(c => Pods.Port(c, port["targetPort"].Text()) is not null), $"Service {Name(service)} targets port {port["targetPort"]}, which {Name(target)} does not have");
            }
        }

        foreach (var selecting in manifests.OfKind("PodDisruptionBudget").Concat(manifests.OfKind("NetworkPolicy")))
        {
            var selector = Pods.MatchLabels(selecting["spec"]!["selector"] ?? selecting["spec"]!["podSelector"]);
            Assert.Single(workloads, w => Pods.Selects(selector, Pods.Labels(Pods.Template(w))));
        }

        var autoscaler = Assert.Single(manifests.OfKind("HorizontalPodAutoscaler"));
        var scaled = manifests.Get(autoscaler["spec"]!["scaleTargetRef"]!["kind"].Text()!, autoscaler["spec"]!["scaleTargetRef"]!["name"].Text()!);
        Assert.Equal("pulse-silo", Name(scaled));
        Assert.Null(scaled["spec"]!["replicas"]); // the autoscaler owns the count; a fixed one would undo it on every apply
        Assert.True(int.Parse(autoscaler["spec"]!["minReplicas"].Text()!, CultureInfo.InvariantCulture) >= 3);
        Assert.Equal("cpu", autoscaler["spec"]!["metrics"].Items().Single()["resource"]!["name"].Text());
        Assert.NotNull(Pods.Containers(scaled).Single()["resources"]?["requests"]?["cpu"]); // utilization is a share of the request
    }

    [Fact]
    public void Pulse_pods_probe_healthz_on_the_port_the_image_listens_on_with_a_host_name_pulse_allows()
    {
        var imagePort = ImageHttpPort();
        foreach (var workload in PulseWorkloads())
        {
            var container = Pods.Containers(workload).Single();
            var allowed = Environment(container)["AllowedHosts"].Split(';');
            foreach (var probe in new[] { "startupProbe", "readinessProbe", "livenessProbe" })
            {
                var get = container[probe]?["httpGet"] ?? throw new Xunit.Sdk.XunitException($"{Name(workload)} has no {probe} over HTTP");
                Assert.Equal("/healthz", get["path"].Text());
                Assert.Equal(imagePort, Pods.Port(container, get["port"].Text()));
                var host = get["httpHeaders"].Items().Single(h => h["name"].Text() == "Host")["value"].Text();
                Assert.Contains(host, allowed);
            }
        }
    }

    [Fact]
    public void Every_container_runs_as_a_non_root_user_on_a_read_only_root_with_no_capabilities_and_pulse_gets_a_writable_tmp()
    {
        var imageUser = ImageUser();
        foreach (var workload in manifests.Workloads)
        {
            var pod = Pods.Spec(workload);
            Assert.Equal("true", pod["securityContext"]?["runAsNonRoot"].Text());
            foreach (var container in Pods.Containers(workload))
            {
                var security = container["securityContext"]!;
                Assert.Equal("true", security["readOnlyRootFilesystem"].Text());
                Assert.Equal("false", security["allowPrivilegeEscalation"].Text());
                Assert.Equal(["ALL"], security["capabilities"]!["drop"]!.AsArray().Select(c => c.Text()));
            }
        }

        foreach (var workload in PulseWorkloads())
        {
            Assert.Equal(imageUser, Pods.Spec(workload)["securityContext"]!["runAsUser"].Text());
            // The image points HOME and TMPDIR at /tmp; with a read-only root it must be a volume.
            var mount = Pods.Containers(workload).Single()["volumeMounts"].Items().Single(m => m["mountPath"].Text() == "/tmp");
            var volume = Pods.Spec(workload)["volumes"].Items().Single(v => v["name"].Text() == mount["name"].Text());
            Assert.NotNull(volume["emptyDir"]);
        }
    }

    [Fact]
    public void A_stopping_silo_gets_the_hosts_whole_shutdown_time_after_its_pre_stop_pause()
    {
        var silo = manifests.Get("Deployment", "pulse-silo");
        var grace = TimeSpan.FromSeconds(int.Parse(Pods.Spec(silo)["terminationGracePeriodSeconds"].Text()!, CultureInfo.InvariantCulture));
        var preStop = Pods.Containers(silo).Single()["lifecycle"]!["preStop"]!["exec"]!["command"]!.AsArray().Select(c => c.Text()).ToList();
        Assert.Equal("sleep", preStop[0]);
        var pause = TimeSpan.FromSeconds(int.Parse(preStop[1]!, CultureInfo.InvariantCulture));

        // Grain deactivation (each saves its windows) and the partitions' last commit happen within the host's shutdown timeout.
        var hostShutdown = new HostOptions().ShutdownTimeout;
        Assert.True(grace >= pause + hostShutdown, $"terminationGracePeriodSeconds {grace} < preStop {pause} + host shutdown {hostShutdown}");
        Assert.Equal("0", silo["spec"]!["strategy"]!["rollingUpdate"]!["maxUnavailable"].Text());
        var budget = manifests.Get("PodDisruptionBudget", "pulse-silo");
        Assert.Equal("1", budget["spec"]!["maxUnavailable"].Text());
    }

    [Fact]
    public void Silos_have_the_pod_labels_variables_and_role_orleans_kubernetes_hosting_needs()
    {
        var silo = manifests.Get("Deployment", "pulse-silo");
        var env = Environment(Pods.Containers(silo).Single());
        var config = ConfigurationOf(env);
        Assert.True(KubernetesHosting.IsEnabled(config));

        // Orleans selects the cluster's pods by these labels, with the ids the silo runs with (both the cluster id in Pulse).
        var clusterId = config.GetSection(RedisClusterOptions.Section).Get<RedisClusterOptions>()!.ClusterId;
        var labels = Pods.Labels(Pods.Template(silo));
        Assert.Equal(clusterId, labels["orleans/clusterId"]);
        Assert.Equal(clusterId, labels["orleans/serviceId"]);

        // The downward API gives what Orleans reads; the silo advertises its pod IP.
        Assert.Equal(PodFields["metadata.name"], env["POD_NAME"]);
        Assert.Equal(PodFields["metadata.namespace"], env["POD_NAMESPACE"]);
        Assert.Equal(System.Net.IPAddress.Parse(PodIp), SiloEndpoints.From(config).Advertised);

        var account = Pods.Spec(silo)["serviceAccountName"].Text();
        Assert.NotNull(manifests.Get("ServiceAccount", account!));
        var binding = Assert.Single(manifests.OfKind("RoleBinding"), b => b["subjects"].Items().Any(s => s["kind"].Text() == "ServiceAccount" && s["name"].Text() == account));
        var role = manifests.Get(binding["roleRef"]!["kind"].Text()!, binding["roleRef"]!["name"].Text()!);
        var podRule = Assert.Single(role["rules"].Items(), r => r["resources"]!.AsArray().Any(x => x.Text() == "pods"));
        Assert.Equal([""], podRule["apiGroups"]!.AsArray().Select(x => x.Text()));
        Assert.Equal(["get", "list", "patch", "watch"], podRule["verbs"]!.AsArray().Select(x => x.Text()!).Order(StringComparer.Ordinal));

        // Only the silos talk to the Kubernetes API.
        foreach (var other in manifests.Workloads.Where(w => Name(w) != "pulse-silo"))
        {
            var otherAccount = manifests.Get("ServiceAccount", Pods.Spec(other)["serviceAccountName"].Text()!);
            Assert.Equal("false", otherAccount["automountServiceAccountToken"].Text());
        }
    }

    [Fact]
    public void The_settings_pods_get_make_cluster_silos_and_dashboard_only_hosts_of_the_redis_the_manifests_run()
    {
        var redis = manifests.Get("StatefulSet", "pulse-redis");
        var redisContainer = Pods.Containers(redis).Single();
        var redisArgs = redisContainer["args"]!.AsArray().Select(a => a.Text() ?? "").ToList();
        var redisEnv = Pods.Environment(redisContainer, manifests, PodFields);
        var requiredPassword = Regex.Replace(redisArgs[redisArgs.IndexOf("--requirepass") + 1], @"\$\((\w+)\)", m => redisEnv[m.Groups[1].Value]);

        foreach (var (name, kind) in new[] { ("pulse-silo", PulseHostKind.ClusterSilo), ("pulse-dashboard", PulseHostKind.DashboardOnly) })
        {
            var container = Pods.Containers(manifests.Get("Deployment", name)).Single();
            var env = Environment(container);
            string[] args = container["args"] is JsonArray given ? [.. given.Select(a => a.Text()!)] : [];
            using var app = PulseCommandLine.CreateApp(ServeArguments.ToConfiguration([.. args, .. env.Select(kv => $"--{kv.Key.Replace("__", ":", StringComparison.Ordinal)}={kv.Value}")]));

            Assert.Equal(kind, app.Services.GetRequiredService<PulseHostMode>().Kind);
            var options = app.Services.GetRequiredService<IOptions<RedisClusterOptions>>().Value;
            var endpoint = options.Endpoint!.Split(':');
            var service = manifests.Get("Service", endpoint[0]);
            Assert.Equal(Name(redis), Name(Assert.Single(manifests.Workloads, w => Pods.Selects(ServiceSelector(service), Pods.Labels(Pods.Template(w))))));
            Assert.Contains(service["spec"]!["ports"].Items(), p => p["port"].Text() == endpoint[1]);
            Assert.Equal(requiredPassword, options.Password);
            // The admin key passes Pulse's own validation (length, no white space).
            Assert.Equal(manifests.Secrets["admin-key"], app.Services.GetRequiredService<IOptions<PulseAuthOptions>>().Value.AdminKey);
        }

        // Redis persists: an append-only file in the directory its claim is mounted at.
        Assert.Equal("yes", redisArgs[redisArgs.IndexOf("--appendonly") + 1]);
        var dataDir = redisArgs[redisArgs.IndexOf("--dir") + 1];
        var claim = Assert.Single(redis["spec"]!["volumeClaimTemplates"].Items());
        Assert.Contains(redisContainer["volumeMounts"].Items(), m => m["mountPath"].Text() == dataDir && m["name"].Text() == claim["metadata"]!["name"].Text());
    }

    /// <summary>The workloads that run the pulse image.</summary>
    private IEnumerable<JsonObject> PulseWorkloads() => [manifests.Get("Deployment", "pulse-silo"), manifests.Get("Deployment", "pulse-dashboard")];

    private static Dictionary<string, string> ServiceSelector(JsonNode service) =>
        ((JsonObject)service["spec"]!["selector"]!).ToDictionary(kv => kv.Key, kv => kv.Value.Text()!);

    private Dictionary<string, string> Environment(JsonObject container) => Pods.Environment(container, manifests, PodFields);

    private static IConfiguration ConfigurationOf(Dictionary<string, string> env) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(env.Select(kv => KeyValuePair.Create(kv.Key.Replace("__", ":", StringComparison.Ordinal), (string?)kv.Value)))
            .Build();

    private static string? Name(JsonNode node) => node["metadata"]?["name"].Text();

    private static int ImageHttpPort() =>
        int.Parse(Regex.Match(File.ReadAllText(Repository.PathOf("deploy", "container", "Containerfile")), @"Urls=http://[^\s:]+:(\d+)").Groups[1].Value, CultureInfo.InvariantCulture);

    private static string ImageUser() =>
        Regex.Match(File.ReadAllText(Repository.PathOf("deploy", "container", "Containerfile")), @"ARG PULSE_UID=(\d+)").Groups[1].Value;
}
