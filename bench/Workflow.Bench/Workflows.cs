using System.Collections.Concurrent;
using Microsoft.DurableTask;

namespace Workflow.Bench;

// The bench's own trivial workflows, as Microsoft.DurableTask classes like the app's: they cost
// nothing themselves, so what is measured is the engine and its storage.

/// <summary>When the bench's measured activities ran, by instance: the wall-clock end of each measured path.</summary>
public sealed class Stamps
{
    public ConcurrentDictionary<string, DateTime> Ran { get; } = new();
}

/// <summary>Five (or count) activities in a row: throughput and start-to-completion.</summary>
public sealed class HelloCities : TaskOrchestrator<int, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, int count)
    {
        var last = "";
        for (var i = 0; i < count; i++) last = await context.CallActivityAsync<string>(nameof(SayHello), $"city{i}");
        return last;
    }
}

public sealed class SayHello : TaskActivity<string, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, string input) => Task.FromResult("Hello " + input);
}

/// <summary>Waits for an event, then acts: event-to-next-step.</summary>
public sealed class WaitThenAct : TaskOrchestrator<string?, string>
{
    public const string EventName = "go";

    public override async Task<string> RunAsync(TaskOrchestrationContext context, string? _)
    {
        await context.WaitForExternalEvent<string>(EventName);
        return await context.CallActivityAsync<string>(nameof(Stamp));
    }
}

/// <summary>Sleeps one second on a durable timer, then acts: returns the timer's due time so lateness can be taken.</summary>
public sealed class SleepThenAct : TaskOrchestrator<string?, DateTime>
{
    public override async Task<DateTime> RunAsync(TaskOrchestrationContext context, string? _)
    {
        var due = context.CurrentUtcDateTime.AddSeconds(1);
        await context.CreateTimer(due, CancellationToken.None);
        await context.CallActivityAsync<string>(nameof(Stamp));
        return due;
    }
}

/// <summary>Records when it first ran for its instance (a retried activity keeps the first time).</summary>
public sealed class Stamp(Stamps stamps) : TaskActivity<string?, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, string? _)
    {
        stamps.Ran.TryAdd(context.InstanceId, DateTime.UtcNow);
        return Task.FromResult("stamped");
    }
}
