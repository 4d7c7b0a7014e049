using Apprenticeships.Durable.History;
using Apprenticeships.Durable.Tests.Samples;

namespace Apprenticeships.Durable.Tests;

public class SampleOrchestrationTests
{
    [Fact]
    public async Task A_five_activity_chain_completes_with_each_result_in_order()
    {
        await using var h = await DurableHarness.CreateAsync();
        await h.StartWorkerAsync();

        var done = await h.RunAsync(nameof(HelloChain), 5);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(["Hello city0", "Hello city1", "Hello city2", "Hello city3", "Hello city4"], done.ReadOutputAs<List<string>>());
        Assert.Equal(5, done.ReadCustomStatusAs<Dictionary<string, int>>()!["done"]);
        Assert.Equal(5, h.SideEffects.ByKey.Count);
    }

    [Fact]
    public async Task Fan_out_of_fifty_activities_fans_in_to_their_sum()
    {
        await using var h = await DurableHarness.CreateAsync();
        await h.StartWorkerAsync();

        var done = await h.RunAsync(nameof(FanOutFanIn), 50);

        Assert.Equal(Enumerable.Range(1, 50).Sum(i => i * i), done.ReadOutputAs<int>());
    }

    [Fact]
    public async Task Fan_out_through_the_work_queue_when_activities_are_not_run_inline()
    {
        await using var h = await DurableHarness.CreateAsync(o => o.RunActivitiesInline = false);
        await h.StartWorkerAsync();

        var done = await h.RunAsync(nameof(FanOutFanIn), 50);

        Assert.Equal(Enumerable.Range(1, 50).Sum(i => i * i), done.ReadOutputAs<int>());
    }

    [Fact]
    public async Task A_ninety_day_timer_fires_when_the_clock_reaches_it_and_never_before()
    {
        await using var h = await DurableHarness.CreateAsync();
        await h.StartWorkerAsync();
        var started = h.Clock.GetUtcNow().UtcDateTime;
        var id = await h.Client.ScheduleNewOrchestrationInstanceAsync(nameof(LongTimer), 90);
        await WaitForAsync(h, id, e => e.Kind == HistoryEventKind.TimerCreated);

        h.Clock.Advance(TimeSpan.FromDays(89));
        await Task.Delay(500); // several timer polls at day 89
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await h.Client.GetInstanceAsync(id))!.RuntimeStatus);

        h.Clock.Advance(TimeSpan.FromDays(1));
        var done = await h.Client.WaitForInstanceCompletionAsync(id, Timeout());

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.True(done.ReadOutputAs<DateTime>() >= started.AddDays(90));
    }

    [Fact]
    public async Task An_event_raised_before_the_orchestrator_waits_for_it_is_not_lost()
    {
        await using var h = await DurableHarness.CreateAsync();
        await h.StartWorkerAsync();
        var id = await h.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ApprovalAfterADay));
        await WaitForAsync(h, id, e => e.Kind == HistoryEventKind.TimerCreated);

        await h.Client.RaiseEventAsync(id, "approval", "advisor-7");
        await WaitForAsync(h, id, e => e.Kind == HistoryEventKind.EventRaised);
        h.Clock.Advance(TimeSpan.FromDays(1));
        var done = await h.Client.WaitForInstanceCompletionAsync(id, Timeout());

        Assert.Equal("advisor-7", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Waiting_for_an_event_with_a_timeout_takes_the_timeout_path_when_nothing_comes()
    {
        await using var h = await DurableHarness.CreateAsync();
        await h.StartWorkerAsync();
        var id = await h.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ApprovalWithDeadline), 7);
        await WaitForAsync(h, id, e => e.Kind == HistoryEventKind.TimerCreated);

        h.Clock.Advance(TimeSpan.FromDays(8));

        Assert.Equal("timed out", (await h.Client.WaitForInstanceCompletionAsync(id, Timeout())).ReadOutputAs<string>());
    }

    [Fact]
    public async Task An_event_within_the_timeout_wins_the_race_and_the_timer_is_ignored()
    {
        await using var h = await DurableHarness.CreateAsync();
        await h.StartWorkerAsync();
        var id = await h.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ApprovalWithDeadline), 7);
        await WaitForAsync(h, id, e => e.Kind == HistoryEventKind.TimerCreated);

        await h.Client.RaiseEventAsync(id, "Approval", "advisor-3");
        var done = await h.Client.WaitForInstanceCompletionAsync(id, Timeout());
        h.Clock.Advance(TimeSpan.FromDays(8)); // the cancelled timer fires into a finished instance: harmless

        Assert.Equal("approved by advisor-3", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task A_sub_orchestration_returns_its_result_to_the_parent()
    {
        await using var h = await DurableHarness.CreateAsync();
        await h.StartWorkerAsync();

        var done = await h.RunAsync(nameof(ParentOfChain), 2);

        Assert.Equal("Hello city0, Hello city1", done.ReadOutputAs<string>());
        var child = await h.Client.GetInstanceAsync($"{done.InstanceId}:0:0");
        Assert.Equal(OrchestrationRuntimeStatus.Completed, child!.RuntimeStatus);
    }

    [Fact]
    public async Task ContinueAsNew_keeps_history_bounded_however_many_times_it_loops()
    {
        await using var h = await DurableHarness.CreateAsync();
        await h.StartWorkerAsync();

        var done = await h.RunAsync(nameof(Countdown), 30);

        Assert.Equal("lift-off", done.ReadOutputAs<string>());
        var history = await h.Client.GetHistoryAsync(done.InstanceId);
        Assert.Equal(30, history!.Generation);
        Assert.True(history.Events.Count < 10, $"history of the last generation has {history.Events.Count} events");
        var rows = await CountRowsAsync(h, done.InstanceId);
        Assert.True(rows < 40, $"{rows} rows left in the partition after 30 generations");
    }

    [Fact]
    public async Task A_retry_policy_backs_off_between_attempts_until_the_activity_succeeds()
    {
        await using var h = await DurableHarness.CreateAsync();
        await h.StartWorkerAsync();

        var done = await h.RunAsync(nameof(RetryingCall), null);

        Assert.Equal("ok after 3", done.ReadOutputAs<string>());
        var history = (await h.Client.GetHistoryAsync(done.InstanceId))!.Events;
        var waits = new List<TimeSpan>();
        var stepStarted = DateTime.MinValue;
        foreach (var e in history)
        {
            if (e.Kind == HistoryEventKind.OrchestratorStarted) stepStarted = e.Timestamp;
            if (e.Kind == HistoryEventKind.TimerCreated) waits.Add(e.FireAt!.Value - stepStarted);
        }
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], waits);
    }

    [Fact]
    public async Task An_activity_that_always_throws_fails_the_orchestration_with_its_type_and_message()
    {
        await using var h = await DurableHarness.CreateAsync();
        await h.StartWorkerAsync();

        var done = await h.RunAsync(nameof(DoomedCall), "order-17");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal("System.InvalidOperationException", done.FailureDetails!.ErrorType);
        Assert.Equal("The card for order order-17 was declined.", done.FailureDetails.ErrorMessage);
    }

    internal static CancellationToken Timeout(int seconds = 30) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;

    internal static async Task WaitForAsync(DurableHarness h, string id, Func<HistoryEvent, bool> seen)
    {
        var ct = Timeout();
        while ((await h.Client.GetHistoryAsync(id, ct))?.Events.Any(seen) != true)
        {
            await Task.Delay(20, ct);
        }
    }

    internal static async Task<int> CountRowsAsync(DurableHarness h, string instanceId)
    {
        var account = await Apprenticeships.Testing.LocalAzurite.AccountAsync();
        var rows = 0;
        await foreach (var _ in account.Tables.GetTableClient($"{h.TaskHub}Instances").QueryAsync<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == instanceId))
        {
            rows++;
        }
        return rows;
    }
}
