namespace Apprenticeships.Domain.Vacancies;

/// <summary>
/// A job an employer wants filled, which the hub fills with its candidates (directly, or through
/// an academy built around it). Refers to its employer and site by id; holds no personal data,
/// only the ids of the candidates who filled its positions.
/// </summary>
public sealed record Vacancy(
    string Id,
    string EmployerId,
    string Role,
    string? SiteId,
    decimal HoursPerWeek,
    Pay Pay,
    DateOnly ClosingDate,
    string Sector,
    bool IsApprenticeship,
    int Positions,
    DateOnly PostedOn)
{
    /// <summary>As recorded: Open until someone closes it or its last position is filled (see <see cref="StatusOn"/> for the closing date).</summary>
    public VacancyStatus Status { get; init; } = VacancyStatus.Open;

    /// <summary>The positions filled so far, one per candidate who accepted an offer.</summary>
    public IReadOnlyList<FilledPosition> Filled { get; init; } = [];

    /// <summary>
    /// The status on a day: an open vacancy whose closing date has passed is closed, without anyone
    /// closing it (the closing date is the last day to put people forward).
    /// </summary>
    public VacancyStatus StatusOn(DateOnly today) => Status == VacancyStatus.Open && today > ClosingDate ? VacancyStatus.Closed : Status;

    /// <summary>Whether the hub may put someone forward today.</summary>
    public bool TakesPutForwardsOn(DateOnly today) => StatusOn(today) == VacancyStatus.Open;

    public int PositionsLeft => Math.Max(0, Positions - Filled.Count);
}

/// <summary>What the job pays: an hourly rate or an annual salary, in pounds and pence.</summary>
public sealed record Pay(decimal Amount, PayPeriod Per);

public enum PayPeriod
{
    Hourly,
    Annual,
}

public enum VacancyStatus
{
    /// <summary>Taking people put forward.</summary>
    Open,
    /// <summary>Past its closing date, or closed by the hub or the employer: decisions can still be recorded.</summary>
    Closed,
    /// <summary>Every position is filled.</summary>
    Filled,
}

/// <summary>A position filled: by whom (an id), when they start, and whether they came straight from the hub or through an academy.</summary>
public sealed record FilledPosition(string CandidateId, FillRoute Route, DateOnly StartDate, string? AcademyId);

public enum FillRoute
{
    /// <summary>Put forward straight from the hub.</summary>
    Direct,
    /// <summary>Took part in an academy built around this vacancy or this employer first (<see cref="VacancyMatching.ViaAcademy"/>).</summary>
    ViaAcademy,
}
