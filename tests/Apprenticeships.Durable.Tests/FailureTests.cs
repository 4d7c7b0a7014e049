using Apprenticeships.Durable.History;
using Apprenticeships.Durable.Tests.Samples;
using Apprenticeships.Testing;

namespace Apprenticeships.Durable.Tests;

public class FailureTests
{
    [Fact]
    public async Task Changing_the_sequence_of_calls_under_a_running_instance_fails_it_naming_expected_and_actual()
    {
        await using var h = await DurableHarness.CreateAsync();
        await h.StartWorkerAsync();
        Changeable.Version = 1;
        var id = await h.Client.ScheduleNewOrchestrationInstanceAsync(nameof(Changeable));
        await SampleOrchestrationTests.WaitForAsync(h, id, e => e.Kind == HistoryEventKind.TaskCompleted);

        Changeable.Version = 2; // a deployment changes the code
        try
        {
            await h.Client.RaiseEventAsync(id, "Go");
            var done = await h.Client.WaitForInstanceCompletionAsync(id, SampleOrchestrationTests.Timeout());

            Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
            Assert.Equal(typeof(NonDeterministicOrchestrationException).FullName, done.FailureDetails!.ErrorType);
            Assert.Contains("CallActivity 'StepA'", done.FailureDetails.ErrorMessage);
            Assert.Contains("CallActivity 'StepB'", done.FailureDetails.ErrorMessage);
        }
        finally
        {
            Changeable.Version = 1;
        }
    }

    [Fact]
    public async Task A_message_that_fails_five_times_goes_to_the_poison_queue_and_fails_its_instance_with_the_reason()
    {
        await using var h = await DurableHarness.CreateAsync();
        // Storage keeps rejecting this hub's checkpoints (entity-group transactions).
        var faults = new StorageFaults { AlwaysFailWhenUriContains = "$batch" };
        await h.StartWorkerAsync(h.Services(faults));

        var done = await h.RunAsync(nameof(HelloChain), 1);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal("PoisonMessage", done.FailureDetails!.ErrorType);
        Assert.Contains("failed 5 times", done.FailureDetails.ErrorMessage);
        Assert.Contains("Storage rejected the request", done.FailureDetails.ErrorMessage);
        var poison = (await LocalAzurite.AccountAsync()).Queues.GetQueueClient($"{h.TaskHub}-poison");
        Assert.Equal(1, (await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task An_unreadable_message_is_quarantined_after_five_deliveries_without_stopping_the_worker()
    {
        await using var h = await DurableHarness.CreateAsync();
        var account = await LocalAzurite.AccountAsync();
        await h.StartWorkerAsync();
        await h.RunAsync(nameof(HelloChain), 1); // the hub exists and the worker runs
        await account.Queues.GetQueueClient($"{h.TaskHub}-control").SendMessageAsync("{ this is not a work message");

        var poison = account.Queues.GetQueueClient($"{h.TaskHub}-poison");
        var ct = SampleOrchestrationTests.Timeout();
        while ((await poison.GetPropertiesAsync(ct)).Value.ApproximateMessagesCount == 0) await Task.Delay(100, ct);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await h.RunAsync(nameof(HelloChain), 1)).RuntimeStatus);
    }
}
