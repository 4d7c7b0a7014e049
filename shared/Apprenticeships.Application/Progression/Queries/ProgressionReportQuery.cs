using Apprenticeships.Domain.Progression;
using Apprenticeships.Storage.Employers;
using Apprenticeships.Storage.Progression;

namespace Apprenticeships.Application.Progression.Queries;

/// <summary>
/// The in-work progression figures for a date range (<see cref="ProgressionReckoning"/>), per
/// employer and in total, over a <see cref="Reports.ReportRange"/>.
/// </summary>
public sealed class ProgressionReportQuery(ParticipantStore participants, HeadcountReturnStore returns, EmployerStore employers, TimeProvider clock)
{
    public async Task<Result<ProgressionReport>> BuildAsync(string? from, string? to, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (Reports.ReportRange.Read(errors, from, to, clock.Today()) is not { } range) return errors.ToProblem();
        var names = (await employers.ListAsync(ct)).ToDictionary(x => x.Id, x => x.Name);
        return Result<ProgressionReport>.Ok(ProgressionReckoning.Build(range.From, range.To, await participants.ListAsync(ct), await returns.ListAsync(ct), names));
    }
}
