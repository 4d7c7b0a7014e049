using Apprenticeships.Domain.Levy.Account;
using Azure.Data.Tables;

namespace Apprenticeships.Storage.Levy;

/// <summary>Employers with levy accounts, one row each (partition = employer id).</summary>
public sealed class LevyEmployerRepository(LevyTables tables)
{
    private const string Row = "employer";

    public async Task<SaveResult> AddAsync(LevyEmployer employer, CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(employer.Id, Row)
        {
            ["Name"] = employer.Name,
            ["IsLevyPayer"] = employer.IsLevyPayer,
            ["IsSme"] = employer.IsSme,
        };
        return await LevyTables.AddOrCompareAsync(await tables.GetAsync(LevyTables.Employers), entity,
            stored => ToEmployer(stored) == employer, cancellationToken);
    }

    public async Task<LevyEmployer?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        var entity = await LevyTables.FindAsync(await tables.GetAsync(LevyTables.Employers), id, Row, cancellationToken);
        return entity is null ? null : ToEmployer(entity);
    }

    /// <summary>Every employer with an account; a hub has a handful, so a scan of the employer rows is fine.</summary>
    public async Task<List<LevyEmployer>> ListAsync(CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(LevyTables.Employers);
        var all = new List<LevyEmployer>();
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {Row}"), cancellationToken: cancellationToken))
            all.Add(ToEmployer(e));
        return all;
    }

    private static LevyEmployer ToEmployer(TableEntity e) =>
        new(e.PartitionKey, e.GetString("Name") ?? "", e.GetBoolean("IsLevyPayer") ?? false, e.GetBoolean("IsSme") ?? false);
}
