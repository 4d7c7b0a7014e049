
namespace Apprenticeships.Workflows;

// Workflow inputs, outputs and events carry ids, dates and codes only: names, emails and dates
// of birth are looked up by activities at the moment they are needed, so history and queues
// never hold personal data.

public sealed record StageChange(string CandidateId, CandidateStage Stage, string What, string? Reason = null)
{
    /// <summary>When the workflow made the change (business time), fixed in history so a retried step writes the same timeline row.</summary>
    public DateTime At { get; init; }

    /// <summary>The academy or cohort the change concerns, so the timeline can name it.</summary>
    public string? ProgrammeId { get; init; }
}

/// <summary>An email to a candidate; details are ids, dates and numbers the template needs (never personal data).</summary>
public sealed record CandidateEmail(string CandidateId, string Template, IReadOnlyDictionary<string, string>? Details = null)
{
    /// <summary>When the workflow sent it (business time), for the timeline's note of a nudge. Default in steps queued before it was added.</summary>
    public DateTime At { get; init; }
}

/// <summary>
/// An alert to advisors about a candidate: a code and its facts (ids, dates, numbers), stored as an
/// attention item and emailed to the alerts mailbox when one is set.
/// </summary>
public sealed record AdvisorAlert(string CandidateId, AttentionKind Kind, IReadOnlyDictionary<string, string>? Facts = null)
{
    /// <summary>When the workflow raised it (business time). Default in steps queued before it was added.</summary>
    public DateTime At { get; init; }

    /// <summary>The words of an alert queued before alerts had codes (its kind reads as <see cref="AttentionKind.Other"/>).</summary>
    public string? Reason { get; init; }
}

/// <summary>What a journey shows in its custom status: the stage, the date it began and what is happening.</summary>
public sealed record JourneyStatus(CandidateStage Stage, DateTime Since, string? Detail = null);

public sealed record SwapInput(string CandidateId, string AcademyId);

public sealed record AcademyPlan(IReadOnlyList<DateOnly> Sessions, DateOnly PlacementStart, DateOnly PlacementEnd, DateOnly InterviewDate);

public sealed record AttendanceCheck(string CandidateId, string AcademyId, DateOnly Session);

public sealed record SustainmentInput(string CandidateId, DateOnly JobStart);

public sealed record IntakeInput(string CandidateId, string CohortId);

public sealed record CohortPlan(DateOnly StartDate, DateOnly PlannedEndDate);

public sealed record TrainingInput(string CandidateId, string CohortId, string CommitmentId, DateOnly StartDate, DateOnly PlannedEndDate);

/// <summary>The end of training, for the levy: completion (with the grade) or a break in learning.</summary>
public sealed record TrainingEnd(string CandidateId, string CommitmentId, ConfirmationKind Kind, DateOnly Date, EpaGrade? Grade);

/// <summary>Back from a break in learning on a date, with the planned end agreed for the rest of the training, for the levy.</summary>
public sealed record TrainingReturn(string CommitmentId, DateOnly Date, DateOnly NewPlannedEnd);

/// <summary>Whether the levy account took a return from a break; when it did not, why (dates and ids only).</summary>
public sealed record ReturnPosted(bool Recorded, string? Refusal);

/// <summary>A side-effecting activity's input with its idempotency key (the instance and the step), so a retried step writes or sends nothing twice.</summary>
public sealed record Keyed<T>(string Key, T Value);

/// <summary>Where a training workflow has got to, carried from one generation to the next.</summary>
public sealed record TrainingProgress(TrainingInput Training, DateOnly Review, DateOnly LastHeard, bool OnBreak = false, bool Gateway = false, int Generation = 0, string[]? Taken = null)
{
    public static TrainingProgress Start(TrainingInput training) => new(training, training.StartDate.AddMonths(1), training.StartDate);
}

/// <summary>An email to an employer's primary contact about a participant: ids and numbers only; the address and names are read at send time.</summary>
public sealed record EmployerEmail(string EmployerId, string ParticipantId, string Template, IReadOnlyDictionary<string, string>? Details = null);
