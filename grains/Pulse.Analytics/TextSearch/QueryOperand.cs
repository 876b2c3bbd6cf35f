namespace Pulse.Analytics.TextSearch;

/// <summary>
/// One operand of a parsed web-search query, before analysis: a bare word as typed ("e-mail", "Störung!") or the text
/// of a quoted phrase, either of which may analyse to several words (a phrase), and whether it was negated with '-'.
/// </summary>
internal readonly record struct QueryOperand(string Text, bool Quoted, bool Negated)
{
    /// <summary>The operand as it would be typed, so a rendered query parses back to itself.</summary>
    public override string ToString() => (Negated ? "-" : "") + (Quoted ? "\"" + Text + "\"" : Text);
}
