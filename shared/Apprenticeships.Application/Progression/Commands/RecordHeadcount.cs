using Apprenticeships.Domain.Progression;
using Apprenticeships.Storage.Progression;

namespace Apprenticeships.Application.Progression.Commands;

/// <summary>An employer's headcount on a day and how many staff left since their previous return.</summary>
public sealed record RecordHeadcount(string? Date, int? Headcount, int? Leavers);

/// <summary>
/// Records a member employer's headcount return, for staff turnover. One per employer a day: a
/// second return for the same day corrects the first.
/// </summary>
public sealed class HeadcountReturns(ProgressionInput input, HeadcountReturnStore returns)
{
    public const int MostStaff = 1_000_000;

    public async Task<Result<HeadcountReturn>> RecordAsync(string employerId, RecordHeadcount command, CancellationToken ct)
    {
        if (await input.EmployerAsync(employerId, ct) is null) return ProgressionInput.NoEmployer(employerId);
        var errors = new FieldErrors();
        var date = input.Day(errors, "date", command.Date, "Date");
        if (date is { } d && d > input.Today) errors.Add("date", "Date must not be after today.");
        var headcount = Count(errors, "headcount", command.Headcount, "Headcount");
        var leavers = Count(errors, "leavers", command.Leavers, "Leavers");
        if (errors.Any) return errors.ToProblem();
        var record = new HeadcountReturn(employerId, date!.Value, headcount!.Value, leavers!.Value);
        var id = $"{employerId}_{record.Date:yyyyMMdd}";
        var created = await returns.AddAsync(id, record, ct);
        if (!created) await returns.ChangeAsync(id, _ => record, ct);
        return Result<HeadcountReturn>.Ok(record, created);
    }

    private static int? Count(FieldErrors errors, string field, int? value, string what)
    {
        if (value is not { } n) errors.Add(field, $"{what} is required.");
        else if (n < 0 || n > MostStaff) errors.Add(field, $"{what} must be from 0 to {MostStaff:#,0}.");
        else return n;
        return null;
    }
}
