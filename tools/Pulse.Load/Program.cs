using Pulse.Load;

// Ctrl+C stops sending; the run so far is still reported.
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
return await LoadCommand.RunAsync(args, Console.Out, Console.Error, terminal: !Console.IsOutputRedirected, TimeProvider.System, stop.Token);
