namespace Pulse.Synthetic;

/// <summary>
/// SplitMix64: tiny, allocation-free and stable across .NET versions, so a seed
/// reproduces the same demo everywhere (System.Random's algorithm is not a contract).
/// </summary>
public struct DemoRandom
{
    private ulong _state;

    public DemoRandom(ulong seed) => _state = seed;

    /// <summary>Derives an independent stream from a parent seed and a few coordinates.</summary>
    public static DemoRandom For(ulong seed, long a, long b = 0, long c = 0, long d = 0)
    {
        var h = Finalize(seed ^ 0x9E3779B97F4A7C15UL);
        h = Finalize(h ^ (ulong)a);
        h = Finalize(h ^ (ulong)b);
        h = Finalize(h ^ (ulong)c);
        h = Finalize(h ^ (ulong)d);
        return new DemoRandom(h);
    }

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Finalize(_state);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, maxExclusive).</summary>
    public int Next(int maxExclusive) => (int)(NextDouble() * maxExclusive);

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Standard normal via Box–Muller.</summary>
    public double NextGaussian()
    {
        var u1 = 1.0 - NextDouble(); // (0, 1]: keeps Log finite
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public double LogNormal(double median, double sigma) => median * Math.Exp(sigma * NextGaussian());

    /// <summary>Pareto with scale <paramref name="minimum"/> and tail index <paramref name="alpha"/>: a few posts take most of the engagement.</summary>
    public double Pareto(double minimum, double alpha) => minimum * Math.Pow(1.0 - NextDouble(), -1.0 / alpha);

    /// <summary>Poisson arrivals: exact (Knuth) for small means, normal approximation above.</summary>
    public int Poisson(double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        if (mean > 30)
        {
            return Math.Max(0, (int)Math.Round(mean + Math.Sqrt(mean) * NextGaussian()));
        }

        var limit = Math.Exp(-mean);
        var product = NextDouble();
        var count = 0;
        while (product > limit)
        {
            count++;
            product *= NextDouble();
        }

        return count;
    }

    private static ulong Finalize(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
