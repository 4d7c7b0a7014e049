using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues.Models;
using Apprenticeships.Testing;

namespace Apprenticeships.Storage.Tests;

/// <summary>The storage behaviour the runtime and repositories rely on, checked against Azurite.</summary>
public class StorageRoundTripTests
{
    [Fact]
    public async Task Table_query_pages_through_continuation_tokens()
    {
        var account = await LocalAzurite.AccountAsync();
        var table = account.Tables.GetTableClient(LocalAzurite.UniqueName("t"));
        await table.CreateAsync();
        for (var batch = 0; batch < 3; batch++)
        {
            await table.SubmitTransactionAsync(Enumerable.Range(batch * 100, 100).Select(i =>
                new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity("p", $"r{i:D4}") { ["N"] = i })));
        }

        var pages = new List<int>();
        string? token = null;
        do
        {
            var page = await table.QueryAsync<TableEntity>(e => e.PartitionKey == "p", maxPerPage: 120)
                .AsPages(token).FirstAsync();
            pages.Add(page.Values.Count);
            token = page.ContinuationToken;
        } while (token is not null);

        Assert.Equal([120, 120, 60], pages);
    }

    [Fact]
    public async Task Entity_group_transaction_guarded_by_an_etag_fails_whole_with_412_when_the_row_changed()
    {
        var account = await LocalAzurite.AccountAsync();
        var table = account.Tables.GetTableClient(LocalAzurite.UniqueName("t"));
        await table.CreateAsync();
        await table.AddEntityAsync(new TableEntity("instance", "state") { ["Version"] = 1 });
        var read = (await table.GetEntityAsync<TableEntity>("instance", "state")).Value;

        // Another worker checkpoints first.
        read["Version"] = 2;
        await table.UpdateEntityAsync(read, read.ETag, TableUpdateMode.Replace);

        var stale = new TableEntity("instance", "state") { ["Version"] = 99, ETag = read.ETag };
        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.UpdateReplace, stale, stale.ETag),
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("instance", "history-1")),
        ]));

        Assert.Equal(412, error.Status);
        Assert.Equal(2, (await table.GetEntityAsync<TableEntity>("instance", "state")).Value.GetInt32("Version"));
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>("instance", "history-1")).HasValue);
    }

    [Fact]
    public async Task Queue_message_stays_hidden_for_its_visibility_timeout_and_is_gone_once_deleted()
    {
        var account = await LocalAzurite.AccountAsync();
        var queue = account.Queues.GetQueueClient(LocalAzurite.UniqueName("q"));
        await queue.CreateAsync();
        await queue.SendMessageAsync("hello");

        QueueMessage first = (await queue.ReceiveMessageAsync(TimeSpan.FromSeconds(1))).Value;
        Assert.Equal("hello", first.Body.ToString());
        Assert.Null((await queue.ReceiveMessageAsync()).Value);

        // Not deleted: it comes back after the visibility timeout, with its dequeue count raised.
        QueueMessage? again = null;
        for (var i = 0; i < 40 && again is null; i++)
        {
            await Task.Delay(100);
            again = (await queue.ReceiveMessageAsync(TimeSpan.FromSeconds(30))).Value;
        }
        Assert.NotNull(again);
        Assert.Equal(2, again.DequeueCount);

        await queue.DeleteMessageAsync(again.MessageId, again.PopReceipt);
        QueueProperties props = await queue.GetPropertiesAsync();
        Assert.Equal(0, props.ApproximateMessagesCount);
    }

    [Fact]
    public async Task Blob_upload_and_download_round_trip()
    {
        var account = await LocalAzurite.AccountAsync();
        var container = account.Blobs.GetBlobContainerClient(LocalAzurite.UniqueName("c"));
        await container.CreateAsync();
        var payload = new BinaryData(Enumerable.Range(0, 300_000).Select(i => (byte)i).ToArray());

        await container.GetBlobClient("big/payload.bin").UploadAsync(payload);
        var downloaded = (await container.GetBlobClient("big/payload.bin").DownloadContentAsync()).Value.Content;

        Assert.Equal(payload.ToArray(), downloaded.ToArray());
        await Assert.ThrowsAsync<RequestFailedException>(() => container.GetBlobClient("missing").DownloadContentAsync());
    }
}
