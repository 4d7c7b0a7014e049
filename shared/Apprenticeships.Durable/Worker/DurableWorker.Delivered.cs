namespace Apprenticeships.Durable.Worker;

/// <summary>
/// For hosts that take messages off the queues themselves and hand them over (the Azure
/// Functions custom handler's queue triggers): process one delivered message. Returning
/// normally means "done, delete it"; throwing means "deliver it again". On the last allowed
/// delivery a failing message is quarantined here, so its instance shows Failed with the reason
/// instead of the host silently moving it aside.
/// </summary>
public sealed partial class DurableWorker
{
    public async Task ProcessControlMessageAsync(string body, int deliveryCount, CancellationToken ct = default)
    {
        await _hub.EnsureCreatedAsync(ct);
        await HandleDeliveredAsync(body, deliveryCount, async message =>
            await _processor.ProcessAsync(message.InstanceId, [message], () => Task.CompletedTask, ct));
    }

    public async Task ProcessWorkMessageAsync(string body, int deliveryCount, CancellationToken ct = default)
    {
        await _hub.EnsureCreatedAsync(ct);
        await HandleDeliveredAsync(body, deliveryCount, async message =>
        {
            if (message.Activity is null) throw new InvalidOperationException("not an activity call");
            await _queue.SendAsync(_hub.Control, await _activities.RunAsync(message.InstanceId, message, ct));
        });
    }

    private async Task HandleDeliveredAsync(string body, int deliveryCount, Func<Messaging.WorkMessage, Task> process)
    {
        var (message, undecodable) = await _queue.DecodeAsync(body);
        try
        {
            await process(message ?? throw new InvalidOperationException(undecodable));
        }
        catch (Exception e) when (deliveryCount >= _hub.Options.MaxDeliveryCount)
        {
            await _failures.QuarantineAsync(body, message, deliveryCount, $"{e.GetType().Name}: {e.Message}");
        }
    }
}
