using Apprenticeships.Durable.Messaging;
using Apprenticeships.Durable.Storage;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;

namespace Apprenticeships.Durable.Worker;

/// <summary>
/// A message whose processing threw is seen again after a growing delay; after
/// MaxDeliveryCount deliveries it goes to the poison queue and its instance is marked Failed
/// with the reason, so nothing is retried forever and nobody is left guessing.
/// </summary>
internal sealed class DeliveryFailures(TaskHub hub, StatusProjection projection, TimeProvider clock, ILoggerFactory loggers)
{
    private readonly ILogger _log = loggers.CreateLogger("Apprenticeships.Durable.Poison");

    public async Task HandleAsync(Received received, string error)
    {
        var options = hub.Options;
        var deliveries = (int)received.Raw.DequeueCount;
        var what = received.Message is { } m ? $"message {m.Id} for {m.InstanceId}" : $"undecodable message {received.Raw.MessageId}";
        if (deliveries < options.MaxDeliveryCount)
        {
            var delay = options.RetryDelay * Math.Pow(2, deliveries - 1);
            await received.Queue.UpdateMessageAsync(received.Raw.MessageId, received.Raw.PopReceipt,
                visibilityTimeout: delay < options.VisibilityTimeout ? delay : options.VisibilityTimeout);
            _log.LogWarning("Delivery {Delivery} of {What} failed: {Error}", deliveries, what, error);
            return;
        }

        await QuarantineAsync(received.Raw.Body.ToString(), received.Message, deliveries, error, what);
        await received.Queue.DeleteMessageAsync(received.Raw.MessageId, received.Raw.PopReceipt);
    }

    /// <summary>Moves a message that will not go through to the poison queue and fails its instance with the reason.</summary>
    public async Task QuarantineAsync(string body, WorkMessage? message, int deliveries, string error, string? what = null)
    {
        what ??= message is null ? "undecodable message" : $"message {message.Id} for {message.InstanceId}";
        var reason = $"The {what} failed {deliveries} times and was moved to the poison queue. Last error: {error}";
        await hub.Poison.SendMessageAsync(body);
        if (message is not null)
        {
            await FailInstanceAsync(message.InstanceId, reason);
        }
        _log.LogError("{Reason}", reason);
    }

    private async Task FailInstanceAsync(string instanceId, string reason)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var state = await hub.Instances.GetEntityIfExistsAsync<TableEntity>(instanceId, "state");
            if (!state.HasValue || state.Value is not { } row) return;
            if (Enum.TryParse<OrchestrationRuntimeStatus>(row.GetString("Status"), out var status) && status.IsTerminal()) return;
            row["Status"] = nameof(OrchestrationRuntimeStatus.Failed);
            row["Failure"] = JsonPayload.Serialize(new TaskFailureDetails("PoisonMessage", reason));
            row["UpdatedAt"] = clock.GetUtcNow().UtcDateTime;
            row["Version"] = (row.GetInt32("Version") ?? 0) + 1;
            try
            {
                await hub.Instances.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);
                await projection.UpsertAsync(instanceId, row);
                return;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Changed under us: read again.
            }
        }
    }
}
