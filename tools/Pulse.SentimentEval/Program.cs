using Pulse.SentimentEval;

return await SentimentCommand.RunAsync(args, Console.In, Console.Out, Console.Error, terminal: !Console.IsOutputRedirected);
