using Microsoft.Extensions.Logging;
namespace Apprenticeships.Durable.Tests.Samples;

public static class Sample
{
    public static void Register(DurableRuntimeOptions o) => o
        .AddOrchestrator<HelloChain>().AddOrchestrator<FanOutFanIn>().AddOrchestrator<LongTimer>()
        .AddOrchestrator<ApprovalAfterADay>().AddOrchestrator<ApprovalWithDeadline>().AddOrchestrator<ParentOfChain>()
        .AddOrchestrator<Countdown>().AddOrchestrator<RetryingCall>().AddOrchestrator<DoomedCall>().AddOrchestrator<Changeable>().AddOrchestrator<EchoBig>().AddOrchestrator<GuidAndLog>()
        .AddActivity<SayHello>().AddActivity<Square>().AddActivity<Flaky>().AddActivity<AlwaysThrows>()
        .AddActivity<Shout>().AddActivity<Step>("StepA").AddActivity<Step>("StepB");
}

public sealed class SayHello(SideEffects effects) : TaskActivity<string, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, string input)
    {
        effects.Record(context.IdempotencyKey);
        return Task.FromResult($"Hello {input}");
    }
}

public sealed class Square : TaskActivity<int, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, int input) => Task.FromResult(input * input);
}

/// <summary>Fails the first two times it is called for an instance.</summary>
public sealed class Flaky(SideEffects effects) : TaskActivity<string, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, string input)
    {
        var attempt = effects.Attempts.AddOrUpdate(context.InstanceId, 1, (_, n) => n + 1);
        if (attempt < 3) throw new TimeoutException($"attempt {attempt} timed out");
        return Task.FromResult($"ok after {attempt}");
    }
}

public sealed class AlwaysThrows : TaskActivity<string, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, string input) =>
        throw new InvalidOperationException($"The card for order {input} was declined.");
}

public sealed class Step : TaskActivity<string?, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, string? input) => Task.FromResult(context.Name);
}

/// <summary>Five activities in a row, each fed the last one's output.</summary>
public sealed class HelloChain : TaskOrchestrator<int, List<string>>
{
    public override async Task<List<string>> RunAsync(TaskOrchestrationContext context, int length)
    {
        var results = new List<string>();
        for (var i = 0; i < length; i++)
        {
            results.Add(await context.CallActivityAsync<string>(nameof(SayHello), $"city{i}"));
            context.SetCustomStatus(new { done = i + 1 });
        }
        return results;
    }
}

public sealed class FanOutFanIn : TaskOrchestrator<int, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, int count)
    {
        var squares = await Task.WhenAll(Enumerable.Range(1, count).Select(i => context.CallActivityAsync<int>(nameof(Square), i)));
        return squares.Sum();
    }
}

public sealed class LongTimer : TaskOrchestrator<int, DateTime>
{
    public override async Task<DateTime> RunAsync(TaskOrchestrationContext context, int days)
    {
        await context.CreateTimer(TimeSpan.FromDays(days), CancellationToken.None);
        return context.CurrentUtcDateTime;
    }
}

public sealed class ApprovalAfterADay : TaskOrchestrator<string?, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string? _)
    {
        await context.CreateTimer(TimeSpan.FromDays(1), CancellationToken.None);
        return await context.WaitForExternalEvent<string>("Approval");
    }
}

public sealed class ApprovalWithDeadline : TaskOrchestrator<int, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, int days)
    {
        try
        {
            return "approved by " + await context.WaitForExternalEvent<string>("Approval", TimeSpan.FromDays(days));
        }
        catch (TaskCanceledException)
        {
            return "timed out";
        }
    }
}

public sealed class ParentOfChain : TaskOrchestrator<int, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, int length)
    {
        var child = await context.CallSubOrchestratorAsync<List<string>>(nameof(HelloChain), length);
        return string.Join(", ", child);
    }
}

/// <summary>Counts down by restarting itself: history must not grow with the count.</summary>
public sealed class Countdown : TaskOrchestrator<int, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, int remaining)
    {
        if (remaining == 0) return "lift-off";
        await context.CallActivityAsync<int>(nameof(Square), remaining);
        context.ContinueAsNew(remaining - 1);
        return "";
    }
}

public sealed class RetryingCall : TaskOrchestrator<string?, string>
{
    public override Task<string> RunAsync(TaskOrchestrationContext context, string? _) =>
        context.CallActivityAsync<string>(nameof(Flaky), "x",
            TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromSeconds(1), BackoffCoefficient: 2)));
}

public sealed class DoomedCall : TaskOrchestrator<string, string>
{
    public override Task<string> RunAsync(TaskOrchestrationContext context, string order) =>
        context.CallActivityAsync<string>(nameof(AlwaysThrows), order);
}

/// <summary>An orchestrator whose code is "redeployed" mid-flight by flipping <see cref="Version"/>.</summary>
public sealed class Changeable : TaskOrchestrator<string?, string>
{
    public static volatile int Version = 1;

    public override async Task<string> RunAsync(TaskOrchestrationContext context, string? _)
    {
        await context.CallActivityAsync<string>(Version == 1 ? "StepA" : "StepB");
        await context.WaitForExternalEvent<string>("Go");
        return "done";
    }
}

/// <summary>Passes a large payload through an activity, so it crosses queues, history and status.</summary>
public sealed class EchoBig : TaskOrchestrator<string, string>
{
    public override Task<string> RunAsync(TaskOrchestrationContext context, string text) =>
        context.CallActivityAsync<string>(nameof(Shout), text);
}

public sealed class Shout : TaskActivity<string, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, string input) => Task.FromResult("Hello " + input);
}

/// <summary>Takes a Guid and logs around three activities: replays must not change either.</summary>
public sealed class GuidAndLog : TaskOrchestrator<string?, Guid>
{
    public override async Task<Guid> RunAsync(TaskOrchestrationContext context, string? _)
    {
        var log = context.CreateReplaySafeLogger("GuidAndLog");
        var id = context.NewGuid();
        log.LogInformation("started {Id}", id);
        for (var i = 0; i < 3; i++) await context.CallActivityAsync<int>(nameof(Square), i);
        log.LogInformation("finished {Id}", id);
        return id;
    }
}
