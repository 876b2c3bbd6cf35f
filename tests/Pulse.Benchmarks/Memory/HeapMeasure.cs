namespace Pulse.Benchmarks.Memory;

/// <summary>Managed heap size after full, compacting, blocking collections (finalizers run in between).</summary>
internal static class HeapMeasure
{
    public static long LiveBytes()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }

    public static string Describe()
    {
        var info = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        return $"heap {info.HeapSizeBytes / 1048576.0:F1} MiB, fragmented {info.FragmentedBytes / 1048576.0:F1} MiB, " +
            $"committed {info.TotalCommittedBytes / 1048576.0:F1} MiB, process working set {Environment.WorkingSet / 1048576.0:F1} MiB";
    }
}
