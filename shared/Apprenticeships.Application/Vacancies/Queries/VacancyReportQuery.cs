using Apprenticeships.Application.Reports;
using Apprenticeships.Domain.Programmes;
using Apprenticeships.Domain.Vacancies;
using Apprenticeships.Storage.Employers;
using Apprenticeships.Storage.Programmes;
using Apprenticeships.Storage.Vacancies;

namespace Apprenticeships.Application.Vacancies.Queries;

/// <summary>
/// Vacancies posted and filled, per employer and in total, over a <see cref="ReportRange"/>
/// (<see cref="VacancyReckoning"/>): retention is read from the sustainment checks the advisors
/// record for the people who filled them.
/// </summary>
public sealed class VacancyReportQuery(VacancyStore vacancies, ProgrammeRecords records, EmployerStore employers, TimeProvider clock)
{
    public async Task<Result<VacancyReport>> BuildAsync(string? from, string? to, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (ReportRange.Read(errors, from, to, clock.Today()) is not { } range) return errors.ToProblem();
        var all = await vacancies.ListAsync(ct);
        var inWork = (await records.OfKindAsync(RecordKind.SustainmentCheck, ct))
            .Where(r => r.Reason == SustainmentChecks.InWork).Select(r => (r.CandidateId, r.Value)).ToHashSet();
        var names = (await employers.ListAsync(ct)).ToDictionary(e => e.Id, e => e.Name);
        return Result<VacancyReport>.Ok(VacancyReckoning.Build(range.From, range.To, all,
            (candidateId, week) => inWork.Contains((candidateId, week.ToString(System.Globalization.CultureInfo.InvariantCulture))), names));
    }
}
