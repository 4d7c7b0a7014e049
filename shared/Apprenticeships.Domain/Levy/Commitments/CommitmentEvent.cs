namespace Apprenticeships.Domain.Levy.Commitments;

public enum CommitmentEventKind
{
    Completion,
    Withdrawal,
    BreakInLearning,
    /// <summary>Back in learning after a break, with a new planned end date.</summary>
    ReturnFromBreak,
}

/// <summary>
/// Something that happened to a commitment after it was agreed, on a date. A return from a
/// break carries the new planned end date agreed for the rest of the apprenticeship.
/// </summary>
public sealed record CommitmentEvent(CommitmentEventKind Kind, DateOnly Date, DateOnly? NewPlannedEndDate = null);

/// <summary>The commitment's breaks and return, read from its events.</summary>
public sealed record LearningPeriods(DateOnly? BreakFrom, DateOnly? ReturnedOn, DateOnly PlannedEndDate)
{
    public bool IsOnBreak => BreakFrom is not null && ReturnedOn is null;

    public static LearningPeriods Of(Commitment commitment, IEnumerable<CommitmentEvent> events)
    {
        var list = events.ToList();
        var pause = list.FirstOrDefault(e => e.Kind == CommitmentEventKind.BreakInLearning)?.Date;
        var back = pause is null ? null : list.FirstOrDefault(e => e.Kind == CommitmentEventKind.ReturnFromBreak);
        return new LearningPeriods(pause, back?.Date, back?.NewPlannedEndDate ?? commitment.PlannedEndDate);
    }
}
