namespace Apprenticeships.Domain.Programmes;

/// <summary>
/// A sector-based work academy (SWAP): up to six weeks built around an employer's vacancies,
/// with pre-employment sessions, a work experience placement and a guaranteed interview, run by
/// a training provider. Cost per place feeds the outcome report's cost per outcome.
/// </summary>
public sealed record Academy(
    string Id,
    string Name,
    string EmployerName,
    string Sector,
    string ProviderId,
    string Place,
    IReadOnlyList<DateOnly> Sessions,
    DateOnly PlacementStart,
    DateOnly PlacementEnd,
    DateOnly InterviewDate,
    decimal CostPerPlace)
{
    /// <summary>The employer's vacancies the academy is built around (its guaranteed interviews are for these).</summary>
    public IReadOnlyList<string> VacancyIds { get; init; } = [];

    public DateOnly Starts => Sessions.Append(PlacementStart).Min();
    public DateOnly Ends => InterviewDate;
}

/// <summary>How a SWAP participant finished (DWP's three outcomes).</summary>
public enum SwapOutcome
{
    /// <summary>Completed, and the interview led to a job offer.</summary>
    CompletedSuccessful,
    /// <summary>Completed; the interview did not lead to a job.</summary>
    CompletedUnsuccessful,
    /// <summary>Left before the end (a reason is recorded).</summary>
    DidNotComplete,
}

/// <summary>What a successful participant was offered, which decides where they go next.</summary>
public enum SwapOffer
{
    None,
    Job,
    Apprenticeship,
}
