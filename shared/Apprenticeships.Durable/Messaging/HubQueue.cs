using Apprenticeships.Durable.Storage;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using System.Text.Json;

namespace Apprenticeships.Durable.Messaging;

/// <summary>A received message with what is needed to delete, delay or quarantine it.</summary>
internal sealed record Received(WorkMessage? Message, QueueMessage Raw, QueueClient Queue, string? Undecodable = null);

/// <summary>
/// Sends and receives <see cref="WorkMessage"/>s. A message over the queue's 64 KB limit is
/// stored as a blob and the queue carries a reference to it.
/// </summary>
internal sealed class HubQueue(TaskHub hub, LargeText text)
{
    private const int MaxInlineChars = 45_000;

    public async Task SendAsync(QueueClient queue, WorkMessage message, TimeSpan? delay = null)
    {
        var json = JsonSerializer.Serialize(message, JsonPayload.Options);
        if (json.Length > MaxInlineChars)
        {
            json = JsonSerializer.Serialize(new BlobReference(await text.OffloadAsync(message.InstanceId, json)), JsonPayload.Options);
        }
        await queue.SendMessageAsync(json, delay);
    }

    public async Task<IReadOnlyList<Received>> ReceiveAsync(QueueClient queue, CancellationToken ct)
    {
        var batch = await queue.ReceiveMessagesAsync(hub.Options.BatchSize, hub.Options.VisibilityTimeout, ct);
        var received = new List<Received>(batch.Value.Length);
        foreach (var raw in batch.Value)
        {
            var (message, error) = await DecodeAsync(raw.Body.ToString());
            received.Add(new Received(message, raw, queue, error));
        }
        return received;
    }

    /// <summary>Reads a message body (fetching it from its blob when it was too big), or says why it cannot.</summary>
    public async Task<(WorkMessage? Message, string? Error)> DecodeAsync(string body)
    {
        try
        {
            if (JsonSerializer.Deserialize<BlobReference>(body, JsonPayload.Options) is { Blob: { } blob })
            {
                body = await text.DownloadAsync(blob);
            }
            var message = JsonSerializer.Deserialize<WorkMessage>(body, JsonPayload.Options);
            return message is { Id: not null, InstanceId: not null } ? (message, null) : (null, "the message has no id or instance id");
        }
        catch (Exception e) when (e is JsonException or Azure.RequestFailedException)
        {
            return (null, e.Message);
        }
    }

    public Task DeleteAsync(Received r) => r.Queue.DeleteMessageAsync(r.Raw.MessageId, r.Raw.PopReceipt);

    private sealed record BlobReference(string? Blob);
}
