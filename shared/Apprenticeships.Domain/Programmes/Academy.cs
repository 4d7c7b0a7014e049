namespace Apprenticeships.Domain.Programmes;

/// <summary>
/// A sector-based work academy (SWAP): up to six weeks built around an employer's vacancies,
/// with pre-employment sessions, a work experience placement and a guaranteed interview, run by
/// a training provider. Cost per place feeds the outcome report's cost per outcome. The employer is
/// named by id (<see cref="Employers.Employer"/>), so a renamed employer shows its new name everywhere.
/// </summary>
public sealed record Academy(
    string Id,
    string Name,
    string? EmployerId,
    string Sector,
    string ProviderId,
    string Place,
    IReadOnlyList<DateOnly> Sessions,
    DateOnly PlacementStart,
    DateOnly PlacementEnd,
    DateOnly InterviewDate,
    decimal CostPerPlace)
{
    /// <summary>
    /// The employer's name to show. Academies stored before employers had records have no
    /// <see cref="EmployerId"/> and keep the name as it was typed; for the rest it is null as stored
    /// and filled in from the employer's record when read (<see cref="ShowingEmployer"/>), so it never goes stale.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? EmployerName { get; init; }

    /// <summary>This academy with its employer's current name (the id when the employer is unknown); an old academy keeps the name it has.</summary>
    public Academy ShowingEmployer(Employers.Employer? employer) =>
        EmployerId is null ? this : this with { EmployerName = employer?.Name ?? EmployerId };
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
