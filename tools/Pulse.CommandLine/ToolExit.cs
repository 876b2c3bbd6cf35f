namespace Pulse.CommandLine;

/// <summary>The exit codes every Pulse tool uses.</summary>
public static class ToolExit
{
    public const int Ok = 0;

    /// <summary>The run failed: a host or file could not be reached or written, or the result fell short.</summary>
    public const int Failed = 1;

    /// <summary>Bad arguments or input; the message names what is wrong.</summary>
    public const int BadInput = 2;
}
