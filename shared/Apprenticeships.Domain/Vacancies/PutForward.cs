namespace Apprenticeships.Domain.Vacancies;

/// <summary>
/// A candidate the hub put forward to a vacancy, once per candidate and vacancy, and the
/// employer's decision so far. The hub's note and a not-selected reason are free text about the
/// person, so they are erased with the candidate; the ids and decisions stay for the counts.
/// </summary>
public sealed record PutForward(string VacancyId, string CandidateId, DateTimeOffset At, string? Note)
{
    /// <summary>Null while the employer has not decided anything.</summary>
    public EmployerDecision? Decision { get; init; }
    public string? Reason { get; init; }
    public DateOnly? StartDate { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    public DecisionSource? DecidedBy { get; init; }
}

/// <summary>The employer's decisions about someone put forward, in the order they usually come.</summary>
public enum EmployerDecision
{
    Interview,
    Offered,
    /// <summary>Not taken on (a reason is recorded); final.</summary>
    NotSelected,
    /// <summary>The candidate accepted the offer: a position is filled; final.</summary>
    OfferAccepted,
}

/// <summary>Who recorded a decision: hub staff, or the employer in their portal.</summary>
public enum DecisionSource
{
    Hub,
    Employer,
}

public static class PutForwardRules
{
    /// <summary>
    /// Whether a decision may follow the one recorded: an interview or an offer first, then an offer
    /// after an interview, then acceptance of an offer; "not selected" at any point before acceptance.
    /// NotSelected and OfferAccepted are final.
    /// </summary>
    public static bool Allows(EmployerDecision? current, EmployerDecision next) => (current, next) switch
    {
        (null, not EmployerDecision.OfferAccepted) => true,
        (EmployerDecision.Interview, EmployerDecision.Offered or EmployerDecision.NotSelected) => true,
        (EmployerDecision.Offered, EmployerDecision.OfferAccepted or EmployerDecision.NotSelected) => true,
        _ => false,
    };
}
