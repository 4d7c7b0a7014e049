namespace Apprenticeships.Domain.Levy.Commitments;

/// <summary>
/// Which events may follow those already recorded. One place for the rule, so the finance API,
/// the training workflow and a candidate's withdrawal cannot record a completion and a
/// withdrawal for the same apprentice between them.
/// </summary>
public static class CommitmentLifecycle
{
    /// <summary>Why <paramref name="next"/> cannot follow <paramref name="events"/>, or null when it can (or is already recorded).</summary>
    public static string? Refusal(IReadOnlyCollection<CommitmentEvent> events, CommitmentEvent next)
    {
        if (events.Contains(next)) return null;
        var existing = events.FirstOrDefault(e => e.Kind == next.Kind);
        if (existing is not null) return $"A {Describe(next.Kind)} is already recorded on {existing.Date:yyyy-MM-dd}.";
        var ended = events.FirstOrDefault(e => e.Kind is CommitmentEventKind.Completion or CommitmentEventKind.Withdrawal);
        if (ended is not null) return $"The apprenticeship already ended with a {Describe(ended.Kind)} on {ended.Date:yyyy-MM-dd}.";
        var pause = events.FirstOrDefault(e => e.Kind == CommitmentEventKind.BreakInLearning);
        var back = events.Any(e => e.Kind == CommitmentEventKind.ReturnFromBreak);
        if (next.Kind == CommitmentEventKind.Completion && pause is not null && !back)
            return "The apprentice is on a break in learning, so cannot complete.";
        if (next.Kind == CommitmentEventKind.ReturnFromBreak)
        {
            if (pause is null) return "There is no break in learning to return from.";
            if (next.Date <= pause.Date) return $"The return must be after the break began on {pause.Date:yyyy-MM-dd}.";
            if (next.NewPlannedEndDate is not { } end || end <= next.Date) return "The new planned end date must be after the return.";
        }
        return null;
    }

    public static string Describe(CommitmentEventKind kind) => kind switch
    {
        CommitmentEventKind.Completion => "completion",
        CommitmentEventKind.Withdrawal => "withdrawal",
        CommitmentEventKind.ReturnFromBreak => "return from a break in learning",
        _ => "break in learning",
    };
}
