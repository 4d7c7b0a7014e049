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
