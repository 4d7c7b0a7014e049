using Apprenticeships.Domain.Employers;
using Apprenticeships.Domain.Levy.Account;
using Apprenticeships.Storage.Employers;
using Azure.Data.Tables;

namespace Apprenticeships.Storage.Levy;

/// <summary>
/// Employers as the levy account sees them. The <see cref="Employer"/> record is the one source of
/// truth: a levy employer is that record's id, name and flags, read from <see cref="EmployerStore"/>,
/// so an employer created under /api/employers has its account at once and a rename or a change of
/// levy status shows in the account with nothing to keep in step. Adding one here (the finance API)
/// creates the same record, or finds it. Rows in the old LevyEmployers table (from before employers
/// had records) are moved into the record the first time they are read, and not read again.
/// </summary>
public sealed class LevyEmployerRepository(EmployerStore employers, LevyTables tables)
{
    private const string Row = "employer";

    /// <summary>
    /// Creates the employer's record (sector not recorded, no sites); an employer already recorded
    /// with the same name and flags is Unchanged, with different ones a Conflict.
    /// </summary>
    public async Task<SaveResult> AddAsync(LevyEmployer employer, CancellationToken cancellationToken = default)
    {
        if (await employers.AddAsync(employer.Id, new Employer(employer.Id, employer.Name, "", employer.IsLevyPayer, employer.IsSme), cancellationToken))
            return SaveResult.Created;
        return await FindAsync(employer.Id, cancellationToken) == employer ? SaveResult.Unchanged : SaveResult.Conflict;
    }

    public async Task<LevyEmployer?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        if (await employers.GetAsync(id, cancellationToken) is { } employer) return Of(employer);
        var legacy = await LevyTables.FindAsync(await tables.GetAsync(LevyTables.Employers), id, Row, cancellationToken);
        return legacy is null ? null : await MoveAsync(legacy, cancellationToken);
    }

    /// <summary>Every employer: each has a levy account (a levy payer's, or one that receives transfers). A hub has a handful.</summary>
    public async Task<List<LevyEmployer>> ListAsync(CancellationToken cancellationToken = default)
    {
        var all = (await employers.ListAsync(cancellationToken)).Select(Of).ToList();
        var table = await tables.GetAsync(LevyTables.Employers);
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {Row}"), cancellationToken: cancellationToken))
            if (all.All(a => a.Id != e.PartitionKey)) all.Add(await MoveAsync(e, cancellationToken));
        return all;
    }

    private static LevyEmployer Of(Employer e) => new(e.Id, e.Name, e.IsLevyPayer, e.IsSme);

    /// <summary>An old levy row becomes the employer's record (unless one was made meanwhile, which then stands), and the row goes.</summary>
    private async Task<LevyEmployer> MoveAsync(TableEntity legacy, CancellationToken ct)
    {
        var moved = new Employer(legacy.PartitionKey, legacy.GetString("Name") ?? "", "", legacy.GetBoolean("IsLevyPayer") ?? false, legacy.GetBoolean("IsSme") ?? false);
        await employers.AddAsync(moved.Id, moved, ct);
        await (await tables.GetAsync(LevyTables.Employers)).DeleteEntityAsync(legacy.PartitionKey, Row, cancellationToken: ct);
        return Of(await employers.GetAsync(moved.Id, ct) ?? moved);
    }
}
