using Apprenticeships.Domain.Progression;
using Apprenticeships.Storage.Employers;
using Apprenticeships.Storage.Progression;

namespace Apprenticeships.Application.Progression.Queries;

/// <summary>
/// The in-work progression figures for a date range (<see cref="ProgressionReckoning"/>), per
/// employer and in total. Dates as for the outcome report: "YYYY-MM-DD", from not after to; from
/// defaults to a year before to, and to to today.
/// </summary>
public sealed class ProgressionReportQuery(ParticipantStore participants, HeadcountReturnStore returns, EmployerStore employers, TimeProvider clock)
{
    /// <summary>A report covers at most this many years: longer is a typo.</summary>
    public const int LongestYears = 10;

    public async Task<Result<ProgressionReport>> BuildAsync(string? from, string? to, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var end = to is null ? clock.Today() : errors.Date("to", to, "To");
        var start = from is null ? end?.AddYears(-1).AddDays(1) : errors.Date("from", from, "From");
        if (start is { } s && end is { } e)
        {
            if (s > e) errors.Add("from", "From must not be after to.");
            else if (s < e.AddYears(-LongestYears)) errors.Add("from", $"A report covers at most {LongestYears} years.");
        }
        if (errors.Any) return errors.ToProblem();
        var names = (await employers.ListAsync(ct)).ToDictionary(x => x.Id, x => x.Name);
        return Result<ProgressionReport>.Ok(ProgressionReckoning.Build(start!.Value, end!.Value, await participants.ListAsync(ct), await returns.ListAsync(ct), names));
    }
}
