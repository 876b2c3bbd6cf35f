namespace Pulse.Silo.Cluster.Kubernetes;

/// <summary>
/// <c>Pulse:Cluster:Kubernetes:Enabled=true</c>: Orleans' Kubernetes hosting on top of the Redis membership, for silos
/// run as pods (deploy/kubernetes). A silo takes its pod's name as silo name, labels its pod with the cluster
/// (orleans/clusterId, orleans/serviceId) and, on up to two silos, watches the cluster's pods: a deleted pod's silo is
/// declared dead at once instead of after missed probes.
/// The pod must give POD_NAME and POD_NAMESPACE (downward API) and advertise its IP (Pulse__AdvertisedAddress from
/// POD_IP), and its service account needs get, list, watch and patch on pods; a missing variable stops the start naming it.
/// </summary>
public static class KubernetesHosting
{
    public const string EnabledKey = "Pulse:Cluster:Kubernetes:Enabled";

    public static bool IsEnabled(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetValue<bool>(EnabledKey);
    }

    public static ISiloBuilder UsePulseKubernetesHosting(this ISiloBuilder silo) =>
        silo.UseKubernetesHosting(options => options.ValidateOnStart());
}
