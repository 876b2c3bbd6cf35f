using System.Security.Claims;
using Pulse.Silo.Auth;

namespace Pulse.Silo.Audit;

/// <summary>
/// Who acted: the identity's stable <see cref="Id"/> ("user:anna", "key:3f2a…"), its <see cref="Name"/> as shown to people
/// (a key's name is free text and not unique, so the id is what tells two keys apart) and how it signed in.
/// </summary>
public sealed record AuditActor(string Id, string Name, AuditActorKind Kind)
{
    public static AuditActor Anonymous { get; } = new("anonymous", "anonymous", AuditActorKind.Anonymous);

    /// <summary>The caller of an HTTP request, from the claims every Pulse identity carries (<see cref="PulseClaims"/>).</summary>
    public static AuditActor Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true || user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id)
        {
            return Anonymous;
        }

        var kind = user.FindFirstValue(PulseClaims.Kind) == PulseClaims.ApiKeyKind ? AuditActorKind.ApiKey : AuditActorKind.User;
        return new AuditActor(id, user.FindFirstValue(ClaimTypes.Name) ?? id, kind);
    }

    /// <summary>An operator at a shell: the OS account and machine are all Pulse can know of them.</summary>
    public static AuditActor Cli()
    {
        var who = $"{Environment.UserName}@{Environment.MachineName}";
        return new AuditActor("cli:" + who, who, AuditActorKind.Cli);
    }
}
