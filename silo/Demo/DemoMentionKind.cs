namespace Pulse.Silo.Demo;

/// <summary>Why the scenario produced a post.</summary>
internal enum DemoMentionKind
{
    /// <summary>Everyday chatter at the brand's baseline rate.</summary>
    Regular,

    /// <summary>Names the brand but should be filtered out by an exclusion (hotel, giveaway spam, job bot).</summary>
    Decoy,

    /// <summary>Extra volume during a crisis spike.</summary>
    Crisis,

    /// <summary>The one post per crisis with outsized engagement.</summary>
    Viral,
}
