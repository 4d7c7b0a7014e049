using System.Globalization;
using Apprenticeships.Domain.Levy;
using Apprenticeships.Domain.Levy.Declarations;
using Azure.Data.Tables;

namespace Apprenticeships.Storage.Levy;

/// <summary>
/// Declarations as received, every submission kept (the domain decides which counts).
/// Row key = scheme, payroll year, month and submission time, so the same submission
/// posted twice is stored once.
/// </summary>
public sealed class LevyDeclarationRepository(LevyTables tables)
{
    public async Task<SaveResult> AddAsync(string employerId, LevyDeclaration declaration, CancellationToken cancellationToken = default)
    {
        var submitted = DateTime.SpecifyKind(declaration.SubmittedAt, DateTimeKind.Utc);
        var rowKey = string.Create(CultureInfo.InvariantCulture,
            $"{TableKeys.Escape(declaration.PayeScheme)}|{declaration.Period.PayrollYear}|{declaration.Period.Month:D2}|{submitted.Ticks:D19}");
        var entity = new TableEntity(employerId, rowKey)
        {
            ["PayeScheme"] = declaration.PayeScheme,
            ["PayrollYear"] = declaration.Period.PayrollYear,
            ["PayrollMonth"] = declaration.Period.Month,
            ["LevyDueYtd"] = TableKeys.Money(declaration.LevyDueYtd),
            ["SubmittedAt"] = new DateTimeOffset(submitted),
            ["PayBill"] = declaration.PayBill is { } payBill ? TableKeys.Money(payBill) : null,
        };
        return await LevyTables.AddOrCompareAsync(await tables.GetAsync(LevyTables.Declarations), entity,
            stored => ToDeclaration(stored) is var d && d.LevyDueYtd == declaration.LevyDueYtd && d.PayBill == declaration.PayBill, cancellationToken);
    }

    public async Task<IReadOnlyList<LevyDeclaration>> ListAsync(string employerId, CancellationToken cancellationToken = default) =>
        (await LevyTables.PartitionAsync(await tables.GetAsync(LevyTables.Declarations), employerId, cancellationToken))
        .Select(ToDeclaration).ToList();

    private static LevyDeclaration ToDeclaration(TableEntity e)
    {
        PayrollPeriod.TryParseYear(e.GetString("PayrollYear"), out var year);
        return new LevyDeclaration(
            e.GetString("PayeScheme") ?? "",
            new PayrollPeriod(year, e.GetInt32("PayrollMonth") ?? 0),
            TableKeys.ParseMoney(e.GetString("LevyDueYtd")),
            e.GetDateTimeOffset("SubmittedAt")!.Value.UtcDateTime,
            e.GetString("PayBill") is { } payBill ? TableKeys.ParseMoney(payBill) : null);
    }
}
