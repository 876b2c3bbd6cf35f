using Pulse.Grains.Mentions;
using Pulse.Synthetic;

namespace Pulse.Silo.Demo;

/// <summary>A generated mention with the ground truth the wire record deliberately leaves out (Brand stays null).</summary>
internal sealed record DemoGeneratedMention(string BrandId, DemoMentionKind Kind, DemoTone Tone, Mention Mention);
