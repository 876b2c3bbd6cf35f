using Xunit;

namespace Pulse.Testing;

/// <summary>
/// Runs a case of a property test on a pool thread (1 MB stack, stricter than the main thread) and fails it when it
/// does not finish in a generous time: a hang shows up as a failure with its input, not as a stuck suite.
/// </summary>
public static class Within
{
    public static readonly TimeSpan Generous = TimeSpan.FromSeconds(5);

    public static T Run<T>(Func<T> work, string what)
    {
        var task = Task.Run(work);
        Assert.True(task.Wait(Generous), $"Did not finish within {Generous.TotalSeconds} s: {what}");
        return task.Result;
    }
}
