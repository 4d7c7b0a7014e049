namespace Apprenticeships.Domain.Programmes;

/// <summary>What a training provider confirms about one of their learners.</summary>
public enum ConfirmationKind
{
    /// <summary>A SWAP pre-employment session attended (or missed).</summary>
    Attendance,
    /// <summary>A training milestone reached.</summary>
    Milestone,
    /// <summary>Off-the-job training hours for a period.</summary>
    OffTheJobHours,
    /// <summary>Ready for end-point assessment: competence, English and maths, mandatory training, minimum duration.</summary>
    Gateway,
    /// <summary>The end-point assessment's result.</summary>
    EpaResult,
    /// <summary>The apprentice has paused their training.</summary>
    BreakInLearning,
    /// <summary>The apprentice is back from a break in learning, with a new planned end date agreed for the rest of it.</summary>
    ReturnFromBreak,
}

public enum EpaGrade
{
    Fail,
    Pass,
    Merit,
    Distinction,
}
