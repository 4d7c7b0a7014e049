using Apprenticeships.Domain.Candidates;

namespace Apprenticeships.Functions.Models;

// Workflow inputs carry ids and codes only: names, emails and dates of birth are looked up by
// activities at the moment they are needed, so history and queues never hold personal data.

public sealed record StageChange(string CandidateId, CandidateStage Stage, string What, string? Reason = null);

public sealed record CandidateEmail(string CandidateId, string Template);

public sealed record AdvisorAlert(string CandidateId, string Reason);

/// <summary>What a journey shows in its custom status: the stage and the date it began.</summary>
public sealed record JourneyStatus(CandidateStage Stage, DateTime Since);
