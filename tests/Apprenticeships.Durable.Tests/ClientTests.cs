using Apprenticeships.Durable.Client;
using Apprenticeships.Durable.History;
using Apprenticeships.Durable.Tests.Samples;

namespace Apprenticeships.Durable.Tests;

public class ClientTests
{
    [Fact]
    public async Task Starting_an_instance_id_that_is_running_is_a_conflict_but_a_finished_one_restarts()
    {
        await using var h = await DurableHarness.CreateAsync();
        await h.Client.ScheduleNewOrchestrationInstanceAsync(nameof(LongTimer), 30, "candidate-1");

        var conflict = await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(() =>
            h.Client.ScheduleNewOrchestrationInstanceAsync(nameof(LongTimer), 30, "candidate-1"));
        Assert.Contains("candidate-1", conflict.Message);

        await h.StartWorkerAsync();
        await h.RunAsync(nameof(HelloChain), 1, "finished-1");
        var again = await h.RunAsync(nameof(HelloChain), 2, "finished-1");
        Assert.Equal(2, again.ReadOutputAs<List<string>>()!.Count);
    }

    [Fact]
    public async Task Unknown_instances_and_orchestrators_are_clear_errors()
    {
        await using var h = await DurableHarness.CreateAsync();

        await Assert.ThrowsAsync<InstanceNotFoundException>(() => h.Client.RaiseEventAsync("nobody", "Approval"));
        await Assert.ThrowsAsync<InstanceNotFoundException>(() => h.Client.TerminateInstanceAsync("nobody"));
        await Assert.ThrowsAsync<ArgumentException>(() => h.Client.ScheduleNewOrchestrationInstanceAsync("NoSuchOrchestrator"));
        Assert.Null(await h.Client.GetInstanceAsync("nobody"));
    }

    [Fact]
    public async Task Terminate_stops_a_waiting_instance_with_the_reason()
    {
        await using var h = await DurableHarness.CreateAsync();
        await h.StartWorkerAsync();
        var id = await h.Client.ScheduleNewOrchestrationInstanceAsync(nameof(LongTimer), 365);
        await SampleOrchestrationTests.WaitForAsync(h, id, e => e.Kind == HistoryEventKind.TimerCreated);

        await h.Client.TerminateInstanceAsync(id, "candidate withdrew");
        var done = await h.Client.WaitForInstanceCompletionAsync(id, SampleOrchestrationTests.Timeout());

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, done.RuntimeStatus);
        Assert.Equal("candidate withdrew", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task A_suspended_instance_holds_its_events_until_resumed()
    {
        await using var h = await DurableHarness.CreateAsync();
        await h.StartWorkerAsync();
        var id = await h.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ApprovalWithDeadline), 30);
        await SampleOrchestrationTests.WaitForAsync(h, id, e => e.Kind == HistoryEventKind.TimerCreated);

        await h.Client.SuspendInstanceAsync(id);
        await WaitForStatusAsync(h, id, OrchestrationRuntimeStatus.Suspended);
        await h.Client.RaiseEventAsync(id, "Approval", "advisor-9");
        await SampleOrchestrationTests.WaitForAsync(h, id, e => e.Kind == HistoryEventKind.EventRaised);
        Assert.Equal(OrchestrationRuntimeStatus.Suspended, (await h.Client.GetInstanceAsync(id))!.RuntimeStatus);

        await h.Client.ResumeInstanceAsync(id);
        var done = await h.Client.WaitForInstanceCompletionAsync(id, SampleOrchestrationTests.Timeout());
        Assert.Equal("approved by advisor-9", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Query_filters_by_status_name_and_created_time_in_pages()
    {
        await using var h = await DurableHarness.CreateAsync();
        var before = h.Clock.GetUtcNow().UtcDateTime.AddSeconds(-1);
        for (var i = 0; i < 5; i++) await h.Client.ScheduleNewOrchestrationInstanceAsync(nameof(LongTimer), 30, $"waiting-{i}");
        await h.StartWorkerAsync();
        for (var i = 0; i < 3; i++) await h.RunAsync(nameof(HelloChain), 1, $"done-{i}");
        await WaitForStatusAsync(h, "waiting-4", OrchestrationRuntimeStatus.Running);

        var running = await AllAsync(h, new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Running], PageSize = 2 });
        var chains = await AllAsync(h, new OrchestrationQuery { Name = nameof(HelloChain) });
        var none = await AllAsync(h, new OrchestrationQuery { CreatedTo = before });

        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"waiting-{i}"), running.Select(m => m.InstanceId).Order());
        Assert.Equal(3, chains.Count);
        Assert.All(chains, c => Assert.Equal(OrchestrationRuntimeStatus.Completed, c.RuntimeStatus));
        Assert.Empty(none);
    }

    [Fact]
    public async Task Purge_removes_one_instance_or_every_finished_one_matching_a_filter()
    {
        await using var h = await DurableHarness.CreateAsync();
        await h.StartWorkerAsync();
        for (var i = 0; i < 3; i++) await h.RunAsync(nameof(HelloChain), 1, $"old-{i}");
        await h.Client.ScheduleNewOrchestrationInstanceAsync(nameof(LongTimer), 30, "still-waiting");

        Assert.True(await h.Client.PurgeInstanceAsync("old-0"));
        Assert.Null(await h.Client.GetInstanceAsync("old-0"));
        Assert.Equal(0, await SampleOrchestrationTests.CountRowsAsync(h, "old-0"));

        Assert.Equal(2, await h.Client.PurgeInstancesAsync(new OrchestrationQuery { Name = nameof(HelloChain) }));
        Assert.NotNull(await h.Client.GetInstanceAsync("still-waiting"));
        Assert.Empty(await AllAsync(h, new OrchestrationQuery { Name = nameof(HelloChain) }));
    }

    [Fact]
    public async Task Inputs_and_outputs_too_big_for_a_queue_message_or_table_property_round_trip()
    {
        // Through the work queue, so the activity call and its result cross queues too.
        await using var h = await DurableHarness.CreateAsync(o => o.RunActivitiesInline = false);
        await h.StartWorkerAsync();
        var big = string.Concat(Enumerable.Repeat("abcdefghij", 60_000)); // 600,000 characters

        var echo = await h.RunAsync(nameof(EchoBig), big);

        Assert.Equal(big.Length + 6, echo.ReadOutputAs<string>()!.Length);
        Assert.Equal(big, echo.ReadInputAs<string>());
    }

    private static async Task WaitForStatusAsync(DurableHarness h, string id, OrchestrationRuntimeStatus status)
    {
        var ct = SampleOrchestrationTests.Timeout();
        while ((await h.Client.GetInstanceAsync(id, false, ct))!.RuntimeStatus != status) await Task.Delay(20, ct);
    }

    private static async Task<List<OrchestrationMetadata>> AllAsync(DurableHarness h, OrchestrationQuery query)
    {
        var all = new List<OrchestrationMetadata>();
        string? token = null;
        do
        {
            var page = await h.Client.QueryInstancesAsync(query with { ContinuationToken = token });
            Assert.True(page.Instances.Count <= query.PageSize);
            all.AddRange(page.Instances);
            token = page.ContinuationToken;
        } while (token is not null);
        return all;
    }
}
