using Apprenticeships.Application.Vacancies.Queries;
using Apprenticeships.Domain.Vacancies;

namespace Apprenticeships.Functions.Http.Vacancies;

/// <summary>A vacancy as the API shows it; <c>status</c> is today's (an open vacancy past its closing date is Closed).</summary>
public sealed record VacancyResponse(
    string Id, string EmployerId, string EmployerName, string Role, string? SiteId, string? SiteName, decimal HoursPerWeek,
    decimal Pay, PayPeriod PayPeriod, DateOnly ClosingDate, string Sector, bool IsApprenticeship, int Positions, int PositionsFilled,
    DateOnly PostedOn, VacancyStatus Status, IReadOnlyList<FilledPosition> Filled)
{
    public static VacancyResponse Of(VacancyView view)
    {
        var v = view.Vacancy;
        return new(v.Id, v.EmployerId, view.EmployerName, v.Role, v.SiteId, view.SiteName, v.HoursPerWeek, v.Pay.Amount, v.Pay.Per, v.ClosingDate,
            v.Sector, v.IsApprenticeship, v.Positions, v.Filled.Count, v.PostedOn, view.Status, v.Filled);
    }
}

/// <summary>A vacancy with the academies built around it and everyone put forward to it (name and the hub's note only).</summary>
public sealed record VacancyDetailsResponse(VacancyResponse Vacancy, IReadOnlyList<AcademyLink> Academies, IReadOnlyList<PutForwardView> PutForwards)
{
    public static VacancyDetailsResponse Of(VacancyDetails d) => new(VacancyResponse.Of(d.View), d.Academies, d.PutForwards);
}

/// <summary>Someone put forward, as recorded.</summary>
public sealed record PutForwardResponse(string VacancyId, string CandidateId, string? Note, DateTimeOffset At, EmployerDecision? Decision,
    string? Reason, DateOnly? StartDate, DateTimeOffset? DecidedAt, DecisionSource? DecidedBy)
{
    public static PutForwardResponse Of(PutForward p) => new(p.VacancyId, p.CandidateId, p.Note, p.At, p.Decision, p.Reason, p.StartDate, p.DecidedAt, p.DecidedBy);
}

/// <summary>
/// A decision as recorded: <c>status</c> is "Recorded" the first time, "AlreadyRecorded" for a
/// repeat. For an accepted offer, <c>filled</c> is the position and <c>jobStart</c> whether the
/// candidate's job start was recorded ("Recorded"), or why not ("NotRecorded", with <c>jobStartProblem</c>:
/// record it on the candidate when they can start, e.g. after their academy).
/// </summary>
public sealed record DecisionResponse(PutForwardResponse PutForward, string Status, FilledPosition? Filled, string? JobStart, string? JobStartProblem);

/// <summary>An employer's new portal key: shown this once, never again.</summary>
public sealed record EmployerKeyResponse(string EmployerId, string Key, DateTimeOffset IssuedAt);
