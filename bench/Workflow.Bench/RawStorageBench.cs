using System.Diagnostics;
using Apprenticeships.Storage;
using Azure;
using Azure.Data.Tables;

namespace Workflow.Bench;

/// <summary>
/// The ceiling: the storage calls an activity round trip needs, straight on the SDKs, with 32
/// partitions in flight like a worker's batch. Inline: one entity-group transaction (state row
/// under its ETag plus a history row). Queued: that plus a work message and a result message,
/// each sent, received and deleted.
/// </summary>
public static class RawStorageBench
{
    private const int Concurrency = 32;

    public static async Task<Dictionary<string, double>> RunAsync(string connection, int seconds)
    {
        var account = StorageAccount.FromConnectionString(connection);
        var table = account.Tables.GetTableClient("raw" + Guid.NewGuid().ToString("N")[..8]);
        await table.CreateAsync();
        var queue = account.Queues.GetQueueClient("raw-" + Guid.NewGuid().ToString("N")[..8]);
        await queue.CreateAsync();

        async Task<long> Loop(Func<int, long, Task> roundTrip)
        {
            var stop = Stopwatch.StartNew();
            var counts = await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async p =>
            {
                long n = 0;
                while (stop.Elapsed.TotalSeconds < seconds / 2.0) await roundTrip(p, n++);
                return n;
            }));
            return counts.Sum();
        }

        var etags = new ETag[Concurrency];
        for (var p = 0; p < Concurrency; p++) etags[p] = (await table.AddEntityAsync(new TableEntity($"p{p}", "state"))).Headers.ETag!.Value;

        async Task Checkpoint(int p, long n)
        {
            var state = new TableEntity($"p{p}", "state") { ["Version"] = n };
            var responses = await table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.UpdateReplace, state, etags[p]),
                new TableTransactionAction(TableTransactionActionType.Add, new TableEntity($"p{p}", $"h{n:D8}") { ["Events"] = "[{\"kind\":\"TaskCompleted\"}]" }),
            ]);
            etags[p] = responses.Value[0].Headers.ETag!.Value;
        }

        var inline = await Loop(Checkpoint);
        // What the old runtime's inline checkpoint carried: the state row, a history chunk, the next
        // call's outbox row and the deletion of the previous one.
        var withOutbox = await Loop(async (p, n) =>
        {
            var state = new TableEntity($"p{p}", "state") { ["Version"] = n };
            List<TableTransactionAction> actions =
            [
                new(TableTransactionActionType.UpdateReplace, state, etags[p]),
                new(TableTransactionActionType.Add, new TableEntity($"p{p}", $"x{n:D8}") { ["Events"] = "[{\"kind\":\"TaskCompleted\"}]" }),
                new(TableTransactionActionType.Add, new TableEntity($"p{p}", $"o{n:D8}") { ["Items"] = "[{\"activity\":\"SayHello\"}]" }),
            ];
            if (n > 0) actions.Add(new(TableTransactionActionType.Delete, new TableEntity($"p{p}", $"o{n - 1:D8}"), ETag.All));
            etags[p] = (await table.SubmitTransactionAsync(actions)).Value[0].Headers.ETag!.Value;
        });
        var single = await Loop(async (p, n) =>
        {
            var state = new TableEntity($"p{p}", "state") { ["Version"] = n, ["Events"] = "[{\"kind\":\"TaskCompleted\"}]" };
            etags[p] = (await table.UpdateEntityAsync(state, etags[p], TableUpdateMode.Replace)).Headers.ETag!.Value;
        });
        var queued = await Loop(async (p, n) =>
        {
            foreach (var _ in new[] { "call", "result" })
            {
                await queue.SendMessageAsync($"{{\"p\":{p},\"n\":{n}}}");
                var message = (await queue.ReceiveMessageAsync()).Value;
                if (message is not null) await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
            await Checkpoint(p, n + 1_000_000);
        });
        return new()
        {
            ["raw inline round trips/s (1 transaction each)"] = inline / (seconds / 2.0),
            ["raw 4-entity checkpoints/s (1 transaction: state, history, outbox add and delete)"] = withOutbox / (seconds / 2.0),
            ["raw single-entity updates/s (1 transaction, no batch)"] = single / (seconds / 2.0),
            ["raw queued round trips/s (7 transactions each)"] = queued / (seconds / 2.0),
        };
    }
}
