using Azure.Data.Tables;

namespace Apprenticeships.Storage;

/// <summary>
/// A table created on first use. A creation that failed (storage unreachable, the request
/// cancelled) is not remembered: the next call tries again, so an outage at start-up does not
/// leave the table broken until the app restarts.
/// </summary>
public abstract class TableStore(StorageAccount account, string tableName)
{
    private Task? _created;

    protected TableClient Table { get; } = account.Tables.GetTableClient(tableName);

    protected Task EnsureCreatedAsync(CancellationToken ct)
    {
        var created = _created;
        if (created is { IsCompletedSuccessfully: true }) return Task.CompletedTask;
        // A creation still under way is shared; a finished one that failed is replaced.
        if (created is null || created.IsCompleted) _created = created = Table.CreateIfNotExistsAsync(ct);
        return created;
    }
}
