using Pulse.Grains.Wire;

namespace Pulse.Silo.Audit;

/// <summary>The audit log's enums as JSON (<c>GET /api/audit</c>, <c>?action=</c>) and Redis spell them: kebab case.</summary>
public static class AuditNames
{
    public static WireNames<AuditAction> Action { get; } = new(
        (AuditAction.BrandPut, "brand-put"),
        (AuditAction.BrandImport, "brand-import"),
        (AuditAction.AnnotationAdd, "annotation-add"),
        (AuditAction.AnnotationDelete, "annotation-delete"),
        (AuditAction.DigestSend, "digest-send"),
        (AuditAction.BrandDelete, "brand-delete"),
        (AuditAction.SourcePut, "source-put"),
        (AuditAction.SourceDelete, "source-delete"),
        (AuditAction.AlertSettingsPut, "alert-settings-put"),
        (AuditAction.AlertAcknowledge, "alert-ack"),
        (AuditAction.AlertResolve, "alert-resolve"),
        (AuditAction.KeyCreate, "key-create"),
        (AuditAction.KeyRevoke, "key-revoke"),
        (AuditAction.UserCreate, "user-create"),
        (AuditAction.UserDelete, "user-delete"),
        (AuditAction.SignIn, "sign-in"),
        (AuditAction.SignInFailed, "sign-in-failed"),
        (AuditAction.SignInLocked, "sign-in-locked"),
        (AuditAction.SignOut, "sign-out"));

    public static WireNames<AuditActorKind> ActorKind { get; } = new(
        (AuditActorKind.User, "user"),
        (AuditActorKind.ApiKey, "api-key"),
        (AuditActorKind.Anonymous, "anonymous"),
        (AuditActorKind.Cli, "cli"));
}
