using Apprenticeships.Domain.Candidates;
using Apprenticeships.Domain.Programmes;

namespace Apprenticeships.Functions.Models;

// Workflow inputs, outputs and events carry ids, dates and codes only: names, emails and dates
// of birth are looked up by activities at the moment they are needed, so history and queues
// never hold personal data.

public sealed record StageChange(string CandidateId, CandidateStage Stage, string What, string? Reason = null);

/// <summary>An email to a candidate; details are ids, dates and numbers the template needs (never personal data).</summary>
public sealed record CandidateEmail(string CandidateId, string Template, IReadOnlyDictionary<string, string>? Details = null);

public sealed record AdvisorAlert(string CandidateId, string Reason);

/// <summary>What a journey shows in its custom status: the stage, the date it began and what is happening.</summary>
public sealed record JourneyStatus(CandidateStage Stage, DateTime Since, string? Detail = null);

public enum AssignmentKind { Academy, Cohort, Job }

/// <summary>The advisor's next step for an engaged candidate: an academy, a cohort, or a job start on a date.</summary>
public sealed record Assignment(AssignmentKind Kind, string? ProgrammeId, DateOnly? StartDate);

public sealed record SwapInput(string CandidateId, string AcademyId);

/// <summary>How a SWAP ended; also the payload of the outcome event.</summary>
public sealed record SwapResult(SwapOutcome Outcome, SwapOffer Offer);

public sealed record AcademyPlan(IReadOnlyList<DateOnly> Sessions, DateOnly PlacementStart, DateOnly PlacementEnd, DateOnly InterviewDate);

public sealed record AttendanceCheck(string CandidateId, string AcademyId, DateOnly Session);

public sealed record SustainmentInput(string CandidateId, DateOnly JobStart);

/// <summary>The advisor's answer to a sustainment check; the payload of the Sustainment{week} event.</summary>
public sealed record SustainmentAnswer(int Week, bool InWork);

public sealed record IntakeInput(string CandidateId, string CohortId);

public sealed record CohortPlan(DateOnly StartDate, DateOnly PlannedEndDate);

public sealed record TrainingInput(string CandidateId, string CohortId, string CommitmentId, DateOnly StartDate, DateOnly PlannedEndDate);

/// <summary>A provider's confirmation as the training workflow sees it; the payload of the Confirmation event.</summary>
public sealed record TrainingConfirmation(ConfirmationKind Kind, DateOnly Date, EpaGrade? Grade);

/// <summary>The end of training, for the levy: completion (with the grade) or a break in learning.</summary>
public sealed record TrainingEnd(string CandidateId, string CommitmentId, ConfirmationKind Kind, DateOnly Date, EpaGrade? Grade);
