using Apprenticeships.Durable.Tests.Samples;

namespace Apprenticeships.Durable.Tests;

public class ScaleOutTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Two_workers_on_one_hub_finish_two_hundred_orchestrations_without_duplicating_history(bool inline)
    {
        await using var h = await DurableHarness.CreateAsync(o => o.RunActivitiesInline = inline);
        await h.StartWorkerAsync();
        await h.StartWorkerAsync();

        var ids = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            h.Client.ScheduleNewOrchestrationInstanceAsync(nameof(HelloChain), 3, $"scale-{i}")));
        var done = await Task.WhenAll(ids.Select(id => h.Client.WaitForInstanceCompletionAsync(id, SampleOrchestrationTests.Timeout(120))));

        Assert.All(done, d => Assert.Equal(OrchestrationRuntimeStatus.Completed, d.RuntimeStatus));
        Assert.Equal(600, h.SideEffects.ByKey.Count);
        foreach (var id in ids)
        {
            CrashRecoveryTests.AssertNoDuplicates((await h.Client.GetHistoryAsync(id))!.Events, 0);
        }
    }
}
