using Apprenticeships.Domain.Levy.Declarations;
using Azure.Data.Tables;

namespace Apprenticeships.Storage.Levy;

/// <summary>An employer's English fractions, one row per calculation date.</summary>
public sealed class EnglishFractionRepository(LevyTables tables)
{
    public async Task<SaveResult> AddAsync(string employerId, EnglishFraction fraction, CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(employerId, TableKeys.Date(fraction.DateCalculated))
        {
            ["Fraction"] = TableKeys.Money(fraction.Fraction),
        };
        return await LevyTables.AddOrCompareAsync(await tables.GetAsync(LevyTables.EnglishFractions), entity,
            stored => ToFraction(stored).Fraction == fraction.Fraction, cancellationToken);
    }

    public async Task<IReadOnlyList<EnglishFraction>> ListAsync(string employerId, CancellationToken cancellationToken = default) =>
        (await LevyTables.PartitionAsync(await tables.GetAsync(LevyTables.EnglishFractions), employerId, cancellationToken))
        .Select(ToFraction).ToList();

    private static EnglishFraction ToFraction(TableEntity e) =>
        new(TableKeys.ParseDate(e.RowKey), TableKeys.ParseMoney(e.GetString("Fraction")));
}
