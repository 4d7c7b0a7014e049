using Apprenticeships.Testing;
using Azure.Data.Tables;

namespace Apprenticeships.Functions.Tests;

/// <summary>
/// What the test storage account holds, as text to search for personal data: every row of the
/// tables, every visible queue message and every blob whose name starts with the given prefixes
/// (everything when they are empty).
/// </summary>
internal static class StoredText
{
    public static async Task<List<string>> ReadAsync(string tablePrefix = "", string queueAndContainerPrefix = "")
    {
        var account = await LocalAzurite.AccountAsync();
        var texts = new List<string>();
        await foreach (var table in account.Tables.QueryAsync())
        {
            if (!table.Name.StartsWith(tablePrefix, StringComparison.Ordinal)) continue;
            await foreach (var row in account.Tables.GetTableClient(table.Name).QueryAsync<TableEntity>())
                texts.Add(string.Join("|", row.Select(p => $"{p.Key}={p.Value}")));
        }
        await foreach (var queue in account.Queues.GetQueuesAsync(prefix: queueAndContainerPrefix))
            foreach (var m in (await account.Queues.GetQueueClient(queue.Name).PeekMessagesAsync(32)).Value) texts.Add(m.Body.ToString());
        await foreach (var container in account.Blobs.GetBlobContainersAsync(prefix: queueAndContainerPrefix))
        {
            var blobs = account.Blobs.GetBlobContainerClient(container.Name);
            await foreach (var blob in blobs.GetBlobsAsync())
                texts.Add((await blobs.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToString());
        }
        return texts;
    }
}
