namespace Apprenticeships.Domain.Programmes;

/// <summary>
/// An apprenticeship intake: recruits start together on a date with one employer (whose levy
/// account pays) and one training provider, on a standard with its price and funding band.
/// A rolling programme is a series of cohorts (say 18 months long, a new one every 6 months).
/// </summary>
public sealed record Cohort(
    string Id,
    string Name,
    string StandardName,
    string EmployerId,
    string ProviderId,
    DateOnly StartDate,
    int DurationMonths,
    decimal AgreedPrice,
    decimal FundingBandMaximum)
{
    public DateOnly PlannedEndDate => StartDate.AddMonths(DurationMonths).AddDays(-1);
}

public static class CohortRules
{
    /// <summary>An apprenticeship lasts at least 12 months [docs/pipeline.md, step 5]; 4 years covers any standard.</summary>
    public const int ShortestMonths = 12;
    public const int LongestMonths = 48;

    /// <param name="before">The cohort as it stood, when this is an edit: a start date it already had may be past.</param>
    public static Dictionary<string, string[]> Check(Cohort cohort, DateOnly today, Cohort? before = null)
    {
        var errors = new Dictionary<string, string[]>();
        if (cohort.StartDate < today && cohort.StartDate != before?.StartDate) errors["startDate"] = ["A new cohort cannot start in the past."];
        if (cohort.DurationMonths is < ShortestMonths or > LongestMonths)
            errors["durationMonths"] = [$"Duration must be {ShortestMonths} to {LongestMonths} months."];
        if (cohort.AgreedPrice <= 0) errors["agreedPrice"] = ["Agreed price must be more than zero."];
        return errors;
    }
}
