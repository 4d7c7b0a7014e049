namespace Apprenticeships.Domain.Candidates;

/// <summary>
/// A change of a candidate's stage as stored: when, the stage they moved to, a sentence about it
/// (never personal data), and the academy or cohort it concerns, if any, so the timeline can name it.
/// </summary>
public sealed record TimelineEntry(DateTimeOffset At, CandidateStage Stage, string What)
{
    /// <summary>The academy or cohort the change concerns (joining it, finishing it), if any.</summary>
    public string? ProgrammeId { get; init; }
}
