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

/// <summary>One break in learning: its first day, and the return with the planned end agreed then, or none yet.</summary>
public sealed record LearningBreak(DateOnly From, DateOnly? ReturnedOn = null, DateOnly? NewPlannedEndDate = null)
{
    /// <summary>Days out of learning: from the first day of the break to the day before the return.</summary>
    public int Days => ReturnedOn is { } back ? back.DayNumber - From.DayNumber : 0;
}

/// <summary>
/// The commitment's breaks in learning and returns, read from its events in date order: one
/// break at a time, each closed by its return before the next may begin (<see cref="CommitmentLifecycle"/>).
/// </summary>
public sealed record LearningPeriods(IReadOnlyList<LearningBreak> Breaks, DateOnly PlannedEndDate)
{
    /// <summary>The break the apprentice is on now, if any: the last one, not yet returned from.</summary>
    public LearningBreak? OpenBreak => Breaks.Count > 0 && Breaks[^1].ReturnedOn is null ? Breaks[^1] : null;

    public bool IsOnBreak => OpenBreak is not null;

    /// <summary>The latest return from a break, if any.</summary>
    public DateOnly? LastReturn => Breaks.LastOrDefault(b => b.ReturnedOn is not null)?.ReturnedOn;

    /// <summary>The periods, with the planned end in force: the commitment's, or the one agreed on the latest return.</summary>
    public static LearningPeriods Of(Commitment commitment, IEnumerable<CommitmentEvent> events)
    {
        var breaks = BreaksIn(events);
        var end = breaks.LastOrDefault(b => b.NewPlannedEndDate is not null)?.NewPlannedEndDate ?? commitment.PlannedEndDate;
        return new LearningPeriods(breaks, end);
    }

    /// <summary>
    /// Breaks and returns paired in date order: a break opens a period out of learning, the next
    /// return closes it. A return with no open break, or a break while one is open, pairs with nothing
    /// (the lifecycle never records one; they are ignored rather than guessed at).
    /// </summary>
    public static IReadOnlyList<LearningBreak> BreaksIn(IEnumerable<CommitmentEvent> events)
    {
        var breaks = new List<LearningBreak>();
        foreach (var e in events.Where(e => e.Kind is CommitmentEventKind.BreakInLearning or CommitmentEventKind.ReturnFromBreak)
                     .OrderBy(e => e.Date).ThenBy(e => e.Kind))
        {
            var open = breaks.Count > 0 && breaks[^1].ReturnedOn is null;
            if (e.Kind == CommitmentEventKind.BreakInLearning && !open) breaks.Add(new LearningBreak(e.Date));
            else if (e.Kind == CommitmentEventKind.ReturnFromBreak && open) breaks[^1] = breaks[^1] with { ReturnedOn = e.Date, NewPlannedEndDate = e.NewPlannedEndDate };
        }
        return breaks;
    }
}
