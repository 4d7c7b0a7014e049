using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;

namespace Apprenticeships.Storage.Levy;

/// <summary>
/// The levy tables, created on first use. Partition keys are employer ids wherever an
/// account needs the data, so computing an account is a handful of single-partition queries.
/// </summary>
public sealed class LevyTables(StorageAccount account)
{
    public const string Employers = "LevyEmployers";
    public const string Declarations = "LevyDeclarations";
    public const string EnglishFractions = "EnglishFractions";
    public const string Commitments = "Commitments";
    public const string CommitmentIds = "CommitmentIds";
    public const string CommitmentEvents = "CommitmentEvents";
    public const string Transfers = "LevyTransfers";

    private readonly ConcurrentDictionary<string, LevyTable> _tables = new();

    /// <summary>The table, created on first use; a failed creation is tried again on the next call.</summary>
    public Task<TableClient> GetAsync(string name) => _tables.GetOrAdd(name, n => new LevyTable(account, n)).ReadyAsync();

    private sealed class LevyTable(StorageAccount account, string name) : TableStore(account, name)
    {
        public async Task<TableClient> ReadyAsync()
        {
            await EnsureCreatedAsync(CancellationToken.None);
            return Table;
        }
    }

    /// <summary>
    /// Inserts the entity; when its key is taken, compares the stored one with
    /// <paramref name="same"/> to tell a harmless re-post from a conflicting one.
    /// </summary>
    public static async Task<SaveResult> AddOrCompareAsync(TableClient table, TableEntity entity, Func<TableEntity, bool> same,
        CancellationToken cancellationToken = default)
    {
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
            return SaveResult.Created;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var stored = await table.GetEntityAsync<TableEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken);
            return same(stored.Value) ? SaveResult.Unchanged : SaveResult.Conflict;
        }
    }

    public static async Task<TableEntity?> FindAsync(TableClient table, string partitionKey, string rowKey,
        CancellationToken cancellationToken = default)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
        return found.HasValue ? found.Value : null;
    }

    public static async Task<List<TableEntity>> PartitionAsync(TableClient table, string partitionKey,
        CancellationToken cancellationToken = default)
    {
        var result = new List<TableEntity>();
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}"),
                           cancellationToken: cancellationToken))
        {
            result.Add(e);
        }
        return result;
    }
}
