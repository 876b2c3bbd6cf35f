namespace Pulse.Silo.Audit;

/// <summary>How the one who acted was known to Pulse.</summary>
public enum AuditActorKind
{
    /// <summary>A person signed in to the dashboard.</summary>
    User,

    /// <summary>A machine (or a script) with an API key, the bootstrap admin key included.</summary>
    ApiKey,

    /// <summary>Nobody signed in: a refused sign-in.</summary>
    Anonymous,

    /// <summary>An operator's command on a host with the cluster's Redis (<c>pulse users add</c>).</summary>
    Cli,
}
