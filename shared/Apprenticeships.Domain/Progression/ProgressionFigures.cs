namespace Apprenticeships.Domain.Progression;

/// <summary>
/// In-work progression figures for one employer or for the hub: training opportunities offered
/// and completed in the period; people whose hourly pay or weekly hours rose by a change taking
/// effect in the period, with each person's rises added up and the total and median of those;
/// and staff turnover from headcount returns (leavers over average headcount).
/// </summary>
public sealed record ProgressionFigures(
    string? EmployerId, string? EmployerName, int People, int TrainingOffered, int TrainingCompleted,
    int PeopleWhoseEarningsRose, int PeopleWithPayRise, decimal TotalHourlyRise, decimal? MedianHourlyRise,
    int PeopleWithHoursRise, decimal TotalWeeklyHoursRise, decimal? MedianWeeklyHoursRise,
    int? Leavers, decimal? AverageHeadcount, decimal? Turnover);

/// <summary>The figures per employer (those with anything in the period) and in total.</summary>
public sealed record ProgressionReport(DateOnly From, DateOnly To, IReadOnlyList<ProgressionFigures> Employers, ProgressionFigures Total);

public static class ProgressionReckoning
{
    /// <summary>
    /// Counts what falls in [from, to]; people are those followed at any time in it. Turnover per employer: the leavers on returns dated in the
    /// period over the average headcount of those returns, as a fraction to four places (0.125 is
    /// 12.5%); none when the employer made no return in the period. The total's turnover is all
    /// their leavers over the sum of their average headcounts.
    /// </summary>
    public static ProgressionReport Build(DateOnly from, DateOnly to, IReadOnlyList<ProgressionParticipant> participants,
        IReadOnlyList<HeadcountReturn> returns, IReadOnlyDictionary<string, string> employerNames)
    {
        bool In(DateOnly day) => day >= from && day <= to;
        var inPeriod = returns.Where(r => In(r.Date)).ToList();
        var employerIds = participants.Select(p => p.EmployerId).Concat(inPeriod.Select(r => r.EmployerId)).Distinct().Order(StringComparer.Ordinal);
        var employers = employerIds
            .Select(id => Figures(id, employerNames.GetValueOrDefault(id), participants.Where(p => p.EmployerId == id).ToList(), inPeriod.Where(r => r.EmployerId == id).ToList(), from, to))
            .Where(f => f.People > 0 || f.Leavers is not null)
            .ToList();
        // The hub's turnover: every employer's leavers over the staff they employ between them (the sum of their average headcounts).
        var reporting = employers.Where(e => e.AverageHeadcount is not null).ToList();
        int? leavers = reporting.Count == 0 ? null : reporting.Sum(e => e.Leavers ?? 0);
        decimal? headcount = reporting.Count == 0 ? null : reporting.Sum(e => e.AverageHeadcount!.Value);
        var total = Figures(null, null, participants, inPeriod, from, to) with { Leavers = leavers, AverageHeadcount = headcount, Turnover = Turnover(leavers, headcount) };
        return new ProgressionReport(from, to, employers, total);
    }

    private static ProgressionFigures Figures(string? employerId, string? name, IReadOnlyList<ProgressionParticipant> people,
        IReadOnlyList<HeadcountReturn> returns, DateOnly from, DateOnly to)
    {
        bool Within(DateOnly day) => day >= from && day <= to;
        var training = people.SelectMany(p => p.Training).ToList();
        var payRises = people.Select(p => p.PayChanges.Where(c => Within(c.EffectiveOn)).Sum(c => c.HourlyRise ?? 0)).Where(r => r > 0).ToList();
        var hoursRises = people.Select(p => p.PayChanges.Where(c => Within(c.EffectiveOn)).Sum(c => c.HoursRise ?? 0)).Where(r => r > 0).ToList();
        var roseAtAll = people.Count(p => p.PayChanges.Any(c => Within(c.EffectiveOn) && (c.HourlyRise is not null || c.HoursRise is not null)));
        int? leavers = returns.Count == 0 ? null : returns.Sum(r => r.Leavers);
        decimal? average = returns.Count == 0 ? null : Math.Round((decimal)returns.Average(r => r.Headcount), 2);
        var turnover = Turnover(leavers, average);
        return new ProgressionFigures(employerId, name,
            People: people.Count(p => p.From <= to && (p.LeftOn is not { } left || left >= from)),
            TrainingOffered: training.Count(t => Within(t.OfferedOn)),
            TrainingCompleted: training.Count(t => t.CompletedOn is { } done && Within(done)),
            PeopleWhoseEarningsRose: roseAtAll,
            PeopleWithPayRise: payRises.Count, TotalHourlyRise: payRises.Sum(), MedianHourlyRise: Median(payRises),
            PeopleWithHoursRise: hoursRises.Count, TotalWeeklyHoursRise: hoursRises.Sum(), MedianWeeklyHoursRise: Median(hoursRises),
            leavers, average, turnover);
    }

    private static decimal? Turnover(int? leavers, decimal? headcount) => leavers is { } l && headcount is > 0m and var h ? Math.Round(l / h, 4) : null;

    /// <summary>The middle value, or the mean of the middle two, to the penny; none for no values.</summary>
    public static decimal? Median(IReadOnlyList<decimal> values)
    {
        if (values.Count == 0) return null;
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : Math.Round((sorted[middle - 1] + sorted[middle]) / 2, 2, MidpointRounding.AwayFromZero);
    }
}
