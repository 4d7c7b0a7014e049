using System.Collections.Concurrent;
using Apprenticeships.Durable;

namespace Durable.Bench;

/// <summary>When the bench's activities ran, by instance: the wall-clock end of each measured path.</summary>
public sealed class Stamps
{
    public ConcurrentDictionary<string, DateTime> Ran { get; } = new();
}

/// <summary>HelloCities5: five activities in a row.</summary>
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

/// <summary>Waits for an event, then acts: measures event-to-next-action.</summary>
public sealed class WaitThenAct : TaskOrchestrator<string?, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string? _)
    {
        await context.WaitForExternalEvent<string>("go");
        return await context.CallActivityAsync<string>(nameof(Stamp), null);
    }
}

/// <summary>Sleeps one second on a durable timer, then acts: measures timer lateness.</summary>
public sealed class SleepThenAct : TaskOrchestrator<string?, DateTime>
{
    public override async Task<DateTime> RunAsync(TaskOrchestrationContext context, string? _)
    {
        var due = context.CurrentUtcDateTime.AddSeconds(1);
        await context.CreateTimer(due, CancellationToken.None);
        await context.CallActivityAsync<string>(nameof(Stamp), null);
        return due;
    }
}

public sealed class Stamp(Stamps stamps) : TaskActivity<string?, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, string? _)
    {
        stamps.Ran.TryAdd(context.InstanceId, DateTime.UtcNow);
        return Task.FromResult("stamped");
    }
}
