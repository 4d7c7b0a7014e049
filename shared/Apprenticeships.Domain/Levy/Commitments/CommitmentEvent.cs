namespace Apprenticeships.Domain.Levy.Commitments;

public enum CommitmentEventKind
{
    Completion,
    Withdrawal,
    BreakInLearning,
}

/// <summary>Something that happened to a commitment after it was agreed, on a date.</summary>
public sealed record CommitmentEvent(CommitmentEventKind Kind, DateOnly Date);
