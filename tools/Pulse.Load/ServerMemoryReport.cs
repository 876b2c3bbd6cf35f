namespace Pulse.Load;

/// <summary>The server's resident memory in MiB before and after the run (after catching up), and its peak since it started.</summary>
internal sealed record ServerMemoryReport(int Pid, double? RssBeforeMb, double? RssAfterMb, double? PeakRssMb);
