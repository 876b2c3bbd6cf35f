using Pulse.Detect;

return await DetectCommand.RunAsync(args, Console.Out, Console.Error);
