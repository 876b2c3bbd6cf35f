namespace Pulse.Load;

/// <summary>What <c>--setup-brands</c> did: brands created and how (<c>import</c> in batches, one <c>put</c> each, or <c>none</c>).</summary>
internal sealed record BrandSetupReport(int Created, int Existing, string Method, double Seconds);
