namespace Pulse.Testing;

/// <summary>Seeded Poisson draws for synthetic count series (detector specifications at any level of the stack).</summary>
public static class PoissonDraw
{
    /// <summary>A Poisson draw (Knuth's method in chunks of mean 10, exact for any mean).</summary>
    public static int Next(Random random, double mean)
    {
        ArgumentNullException.ThrowIfNull(random);
        var count = 0;
        while (mean > 0)
        {
            var chunk = Math.Min(mean, 10.0);
            mean -= chunk;
            var limit = Math.Exp(-chunk);
            var product = random.NextDouble();
            while (product > limit)
            {
                count++;
                product *= random.NextDouble();
            }
        }

        return count;
    }
}
