namespace Pulse.Analytics.Incidents;

/// <summary>A term (word or #hashtag) and how much more often posts carry it now than in its baseline.</summary>
/// <param name="Term">As most posts wrote it ("Stellwerksstörung"); counted together with its other spellings that fold
/// alike ("stellwerksstoerung"). Untrusted text: display it as text, never as markup.</param>
/// <param name="Recent">Posts carrying the term recently (decayed count).</param>
/// <param name="Lift">Its recent share of posts over its baseline share; 1 means "as usual".</param>
public readonly record struct TermRise(string Term, double Recent, double Lift);
