namespace Apprenticeships.Domain.Candidates;

/// <summary>One thing that happened to a candidate, in words an advisor reads; never personal data.</summary>
public sealed record TimelineEntry(DateTimeOffset At, CandidateStage Stage, string What);
