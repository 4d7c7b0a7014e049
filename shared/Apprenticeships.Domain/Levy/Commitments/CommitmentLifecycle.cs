namespace Apprenticeships.Domain.Levy.Commitments;

/// <summary>
/// Which events may follow those already recorded. One place for the rule, so the finance API,
/// the training workflow and a candidate's withdrawal cannot record a completion and a
/// withdrawal for the same apprentice between them.
/// <para>
/// Breaks in learning come one at a time: a break, then its return, then perhaps another break
/// after that return, as often as the apprentice needs (DAS records several periods in learning
/// per apprenticeship; docs/levy-rules.md). A second break while on one, or a return with no
/// break to return from, is refused.
/// </para>
/// </summary>
public static class CommitmentLifecycle
{
    /// <summary>Why <paramref name="next"/> cannot follow <paramref name="events"/>, or null when it can (or is already recorded).</summary>
    public static string? Refusal(IReadOnlyCollection<CommitmentEvent> events, CommitmentEvent next)
    {
        if (events.Contains(next)) return null;
        if (next.Kind is CommitmentEventKind.Completion or CommitmentEventKind.Withdrawal && events.FirstOrDefault(e => e.Kind == next.Kind) is { } existing)
            return $"A {Describe(next.Kind)} is already recorded on {existing.Date:yyyy-MM-dd}.";
        var ended = events.FirstOrDefault(e => e.Kind is CommitmentEventKind.Completion or CommitmentEventKind.Withdrawal);
        if (ended is not null) return $"The apprenticeship already ended with a {Describe(ended.Kind)} on {ended.Date:yyyy-MM-dd}.";

        var breaks = LearningPeriods.BreaksIn(events);
        var open = breaks.Count > 0 && breaks[^1].ReturnedOn is null ? breaks[^1] : null;
        var lastReturn = breaks.LastOrDefault(b => b.ReturnedOn is not null)?.ReturnedOn;
        switch (next.Kind)
        {
            case CommitmentEventKind.Completion when open is not null:
                return "The apprentice is on a break in learning, so cannot complete.";
            case CommitmentEventKind.BreakInLearning when open is not null:
                return $"The apprentice is already on a break in learning from {open.From:yyyy-MM-dd}: record the return before another break.";
            case CommitmentEventKind.BreakInLearning when lastReturn is { } back && next.Date <= back:
                return $"A new break in learning must begin after the return on {back:yyyy-MM-dd}.";
            case CommitmentEventKind.ReturnFromBreak when open is null:
                return lastReturn is { } returned
                    ? $"There is no break in learning to return from: the last one ended with the return on {returned:yyyy-MM-dd}."
                    : "There is no break in learning to return from.";
            case CommitmentEventKind.ReturnFromBreak when next.Date <= open.From:
                return $"The return must be after the break began on {open.From:yyyy-MM-dd}.";
            case CommitmentEventKind.ReturnFromBreak when next.NewPlannedEndDate is not { } end || end <= next.Date:
                return "The new planned end date must be after the return.";
            default:
                return null;
        }
    }

    public static string Describe(CommitmentEventKind kind) => kind switch
    {
        CommitmentEventKind.Completion => "completion",
        CommitmentEventKind.Withdrawal => "withdrawal",
        CommitmentEventKind.ReturnFromBreak => "return from a break in learning",
        _ => "break in learning",
    };
}
