namespace Pulse.Load;

/// <summary>How traffic spreads over the generated brands (<c>--spread</c>).</summary>
internal enum BrandSpread
{
    /// <summary>Brand of rank r gets a share proportional to 1/r: a few carry most of the volume, as in real monitoring.</summary>
    Zipf,

    /// <summary>Every brand gets the same share: the most (brand, channel) grains active at once.</summary>
    Uniform,
}
