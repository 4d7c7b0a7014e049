using Apprenticeships.Domain.Programmes;

namespace Apprenticeships.Application.Workflows;

// What the application tells a running workflow. Ids, dates and codes only: names, emails and
// dates of birth never enter workflow history or queues.

/// <summary>The candidate's answer through their welcome link.</summary>
public enum InterestAnswer { Confirmed, Declined }

public enum AssignmentKind { Academy, Cohort, Job }

/// <summary>The advisor's next step for an engaged candidate: an academy, a cohort, or a job start on a date.</summary>
public sealed record Assignment(AssignmentKind Kind, string? ProgrammeId, DateOnly? StartDate);

/// <summary>How a SWAP ended; also the payload of the outcome event.</summary>
public sealed record SwapResult(SwapOutcome Outcome, SwapOffer Offer);

/// <summary>The advisor's answer to a sustainment check; the payload of the Sustainment{week} event.</summary>
public sealed record SustainmentAnswer(int Week, bool InWork);

/// <summary>
/// A provider's confirmation as the training workflow sees it; the payload of the Confirmation event.
/// A return from a break carries the new planned end date agreed with it.
/// </summary>
public sealed record TrainingConfirmation(ConfirmationKind Kind, DateOnly Date, EpaGrade? Grade, DateOnly? NewPlannedEnd = null);

/// <summary>
/// Starts in-work progression for a participant: ids and the day followed from (a job start, or
/// the day a member of staff was added); the rounds run from it (<see cref="PipelinePolicy.ProgressionIntervalWeeks"/>).
/// </summary>
public sealed record ProgressionStart(string ParticipantId, string EmployerId, string? CandidateId, DateOnly From);

/// <summary>
/// News of a participant for their progression workflow, the payload of the Progression event:
/// an update recorded (business time), which answers a prompt sent before it, or their leaving.
/// </summary>
public sealed record ProgressionNews(DateTime RecordedAt, bool Left);
