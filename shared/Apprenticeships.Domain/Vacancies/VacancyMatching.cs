using Apprenticeships.Domain.Candidates;
using Apprenticeships.Domain.Programmes;

namespace Apprenticeships.Domain.Vacancies;

/// <summary>Which candidates fit a vacancy, and how a filled position is counted.</summary>
public static class VacancyMatching
{
    /// <summary>Sectors are typed by people: "Health and social care" and "health and social care " are one sector.</summary>
    public static bool SameSector(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether the candidate's stage lets them be put forward: engaged (which includes back from an
    /// academy without a job), or on an academy built around this vacancy (its guaranteed
    /// interview). Anyone in work, waiting for or in training, finished or withdrawn is not looking.
    /// </summary>
    public static bool StageFits(Candidate candidate, IReadOnlyCollection<string> academiesForVacancy) =>
        candidate.Stage == CandidateStage.Engaged
        || (candidate.Stage == CandidateStage.InSwap && candidate.AcademyId is { } a && academiesForVacancy.Contains(a));

    /// <summary>Whether the candidate said they are interested in the vacancy's sector.</summary>
    public static bool InterestFits(Candidate candidate, Vacancy vacancy) => candidate.SectorInterests.Any(s => SameSector(s, vacancy.Sector));

    /// <summary>
    /// Whether the candidate matches the vacancy: their stage fits and they are interested in its
    /// sector; someone on an academy built around the vacancy matches whatever interests they gave,
    /// since the academy's guaranteed interview is for it.
    /// </summary>
    public static bool Matches(Candidate candidate, Vacancy vacancy, IReadOnlyCollection<string> academiesForVacancy) =>
        StageFits(candidate, academiesForVacancy)
        && (InterestFits(candidate, vacancy) || (candidate.Stage == CandidateStage.InSwap && candidate.AcademyId is { } a && academiesForVacancy.Contains(a)));

    /// <summary>
    /// Whether a candidate who filled the vacancy came through an academy: they started (took part
    /// in) an academy built around this vacancy, or around another vacancy of the same employer,
    /// or run for this employer (<paramref name="employerOfAcademy"/> says whose it is). Otherwise
    /// they came directly from the hub. Returns the academy, or null for direct.
    /// </summary>
    public static Academy? ViaAcademy(Vacancy vacancy, IEnumerable<Academy> academiesTakenPart, Func<Academy, bool> employerOfAcademy) =>
        academiesTakenPart.FirstOrDefault(a => a.VacancyIds.Contains(vacancy.Id)) ?? academiesTakenPart.FirstOrDefault(employerOfAcademy);
}
