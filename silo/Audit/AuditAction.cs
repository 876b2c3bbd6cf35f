namespace Pulse.Silo.Audit;

/// <summary>What an audit entry records; written by name (<see cref="AuditNames.Action"/>) only at the edges.</summary>
public enum AuditAction
{
    BrandPut,
    BrandDelete,
    SourcePut,
    SourceDelete,
    AlertSettingsPut,
    AlertAcknowledge,
    AlertResolve,
    KeyCreate,
    KeyRevoke,
    UserCreate,
    UserDelete,
    SignIn,
    SignInFailed,

    /// <summary>A sign-in refused because the account is locked (or the attempt that locked it).</summary>
    SignInLocked,
    SignOut,

    /// <summary>One <c>POST /api/brands:import</c>: one entry for all its brands, with the counts.</summary>
    BrandImport,

    /// <summary>An annotation recorded on a brand's timeline, or deleted.</summary>
    AnnotationAdd,
    AnnotationDelete,

    /// <summary>A brand's weekly digest sent by hand (<c>POST /api/brands/{id}/digest/send</c>).</summary>
    DigestSend,
}
