using Apprenticeships.Durable.Tests.Samples;
using Apprenticeships.Durable.Worker;
using Apprenticeships.Testing;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;

namespace Apprenticeships.Durable.Tests;

/// <summary>
/// A host that takes messages off the queues itself (the Azure Functions queue trigger) and hands
/// each to the worker with its dequeue count, deleting it only when the worker returns.
/// </summary>
public class HostDeliveredMessageTests
{
    /// <summary>Delivers one message from <paramref name="queue"/>, <paramref name="times"/> times over (at-least-once delivery).</summary>
    private static async Task<bool> DeliverAsync(QueueClient queue, Func<string, int, Task> process, int times = 1)
    {
        var message = (await queue.ReceiveMessageAsync(TimeSpan.FromSeconds(30))).Value;
        if (message is null) return false;
        for (var i = 0; i < times; i++) await process(message.Body.ToString(), (int)message.DequeueCount);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        return true;
    }

    [Fact]
    public async Task An_orchestration_driven_only_by_delivered_messages_completes_and_a_message_delivered_twice_counts_once()
    {
        await using var h = await DurableHarness.CreateAsync(o => o.RunActivitiesInline = false);
        var worker = h.Services().GetRequiredService<DurableWorker>();
        var account = await LocalAzurite.AccountAsync();
        var control = account.Queues.GetQueueClient($"{h.TaskHub}-control");
        var work = account.Queues.GetQueueClient($"{h.TaskHub}-work");

        var id = await h.Client.ScheduleNewOrchestrationInstanceAsync(nameof(HelloChain), 3);
        var ct = SampleOrchestrationTests.Timeout();
        while ((await h.Client.GetInstanceAsync(id, ct: ct))!.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
        {
            var delivered = await DeliverAsync(control, (body, n) => worker.ProcessControlMessageAsync(body, n, ct), times: 2)
                | await DeliverAsync(work, (body, n) => worker.ProcessWorkMessageAsync(body, n, ct));
            if (!delivered) await Task.Delay(50, ct);
        }

        var done = await h.Client.WaitForInstanceCompletionAsync(id, ct);
        Assert.Equal(["Hello city0", "Hello city1", "Hello city2"], done.ReadOutputAs<List<string>>());
    }

    [Fact]
    public async Task A_failing_message_is_handed_back_until_its_last_delivery_then_quarantined_with_its_instance_failed()
    {
        await using var h = await DurableHarness.CreateAsync();
        // Storage keeps rejecting this hub's checkpoints (entity-group transactions).
        var worker = h.Services(new StorageFaults { AlwaysFailWhenUriContains = "$batch" }).GetRequiredService<DurableWorker>();
        var account = await LocalAzurite.AccountAsync();
        var control = account.Queues.GetQueueClient($"{h.TaskHub}-control");
        var id = await h.Client.ScheduleNewOrchestrationInstanceAsync(nameof(HelloChain), 1);
        var body = (await control.ReceiveMessageAsync()).Value.Body.ToString();

        var maxDeliveries = new DurableRuntimeOptions().MaxDeliveryCount;
        for (var delivery = 1; delivery < maxDeliveries; delivery++)
        {
            await Assert.ThrowsAnyAsync<Exception>(() => worker.ProcessControlMessageAsync(body, delivery));
        }
        await worker.ProcessControlMessageAsync(body, maxDeliveries); // returns: the host may delete it

        var instance = await h.Client.GetInstanceAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, instance!.RuntimeStatus);
        Assert.Equal("PoisonMessage", instance.FailureDetails!.ErrorType);
        Assert.Equal(body, (await account.Queues.GetQueueClient($"{h.TaskHub}-poison").PeekMessageAsync()).Value.Body.ToString());
    }
}
