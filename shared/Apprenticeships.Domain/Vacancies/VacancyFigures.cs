using Apprenticeships.Domain.Progression;

namespace Apprenticeships.Domain.Vacancies;

/// <summary>
/// One employer's (or, with no employer, the hub's) vacancy figures for a date range:
/// <list type="bullet">
/// <item>posted: vacancies posted in the range, and their positions;</item>
/// <item>filled: positions whose person started in the range, directly or through an academy;</item>
/// <item>days to fill: from the vacancy's posting to the person's first day, the median of those filled;</item>
/// <item>retention: of those filled whose 13- (26-) week point is in the range, how many the
/// sustainment check found still in work then. A check not yet answered is not counted as kept.</item>
/// </list>
/// </summary>
public sealed record VacancyFigures(
    string? EmployerId, string? EmployerName, int VacanciesPosted, int PositionsPosted,
    int PositionsFilled, int FilledDirect, int FilledViaAcademy, decimal? MedianDaysToFill,
    int Due13Weeks, int Retained13Weeks, int Due26Weeks, int Retained26Weeks);

public sealed record VacancyReport(DateOnly From, DateOnly To, IReadOnlyList<VacancyFigures> Employers, VacancyFigures Total);

/// <summary>Works out <see cref="VacancyFigures"/> from the vacancies and the filled people's sustainment answers.</summary>
public static class VacancyReckoning
{
    /// <param name="stillInWork">Whether the person's sustainment check of that week found them in work (false when not answered).</param>
    public static VacancyReport Build(DateOnly from, DateOnly to, IReadOnlyList<Vacancy> vacancies, Func<string, int, bool> stillInWork,
        IReadOnlyDictionary<string, string> employerNames)
    {
        var employers = vacancies.GroupBy(v => v.EmployerId).OrderBy(g => employerNames.GetValueOrDefault(g.Key, g.Key), StringComparer.CurrentCulture)
            .Select(g => Figures(g.Key, employerNames.GetValueOrDefault(g.Key, g.Key), g.ToList(), from, to, stillInWork))
            .Where(f => f.VacanciesPosted > 0 || f.PositionsFilled > 0 || f.Due13Weeks > 0 || f.Due26Weeks > 0)
            .ToList();
        return new VacancyReport(from, to, employers, Figures(null, null, vacancies, from, to, stillInWork));
    }

    private static VacancyFigures Figures(string? employerId, string? name, IReadOnlyList<Vacancy> vacancies, DateOnly from, DateOnly to, Func<string, int, bool> stillInWork)
    {
        bool In(DateOnly day) => day >= from && day <= to;
        var posted = vacancies.Where(v => In(v.PostedOn)).ToList();
        var positions = vacancies.SelectMany(v => v.Filled.Select(f => (Vacancy: v, Filled: f))).ToList();
        var filled = positions.Where(p => In(p.Filled.StartDate)).ToList();
        var due13 = positions.Where(p => In(p.Filled.StartDate.AddDays(7 * 13))).ToList();
        var due26 = positions.Where(p => In(p.Filled.StartDate.AddDays(7 * 26))).ToList();
        return new VacancyFigures(employerId, name, posted.Count, posted.Sum(v => v.Positions),
            filled.Count, filled.Count(p => p.Filled.Route == FillRoute.Direct), filled.Count(p => p.Filled.Route == FillRoute.ViaAcademy),
            ProgressionReckoning.Median(filled.Select(p => (decimal)(p.Filled.StartDate.DayNumber - p.Vacancy.PostedOn.DayNumber)).ToList()),
            due13.Count, due13.Count(p => stillInWork(p.Filled.CandidateId, 13)), due26.Count, due26.Count(p => stillInWork(p.Filled.CandidateId, 26)));
    }
}
