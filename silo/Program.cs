using Pulse.Silo.Cli;

return await PulseCommandLine.RunAsync(args);
