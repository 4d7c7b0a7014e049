using System.Text.Json;

namespace Apprenticeships.Application.Workflows;

/// <summary>Whether a signal reached a workflow.</summary>
public enum SignalResult
{
    Delivered,
    /// <summary>No such workflow yet (it is still starting) or any more.</summary>
    NotRunning,
}

/// <summary>A workflow as staff see it: its engine status and what it says it is doing.</summary>
public sealed record WorkflowView(string RuntimeStatus, JsonElement? CustomStatus, string? Failure = null);

/// <summary>
/// The workflow port: every start, signal and stop the application gives the candidate's
/// workflows, so the engine behind it can change without touching callers. Each signal carries
/// a reference (the event id): raising it again with the same reference changes nothing.
/// </summary>
public interface IWorkflows
{
    /// <summary>Starts the candidate's journey; false when it exists already (one journey per candidate).</summary>
    Task<bool> StartJourneyAsync(string candidateId, CancellationToken ct);

    Task<SignalResult> AssignAsync(string candidateId, Assignment assignment, string reference, CancellationToken ct);

    Task<SignalResult> AnswerInterestAsync(string candidateId, InterestAnswer answer, string reference, CancellationToken ct);

    Task<SignalResult> RecordSwapOutcomeAsync(string candidateId, string academyId, SwapResult result, string reference, CancellationToken ct);

    Task<SignalResult> AnswerSustainmentAsync(string candidateId, SustainmentAnswer answer, string reference, CancellationToken ct);

    Task<SignalResult> ConfirmTrainingAsync(string candidateId, TrainingConfirmation confirmation, string reference, CancellationToken ct);

    /// <summary>
    /// Whether a workflow (<see cref="WorkflowInstances"/>) is running, so a signal would reach it. A command asks before
    /// it records what the signal carries: the journey moves a candidate into a stage a moment before it starts that
    /// stage's workflow, and a fact recorded in that moment would never be heard.
    /// </summary>
    Task<bool> IsRunningAsync(string instance, CancellationToken ct);

    /// <summary>
    /// Tells the advisors' mailbox about a candidate, by id, through a one-step workflow whose email is retried as every
    /// workflow step is: for what the application learns outside a running journey (a candidate's link answered after
    /// their record closed). Once per reference; <paramref name="reason"/> is ids, dates and codes, never personal data.
    /// </summary>
    /// <param name="kind"><see cref="Attention.AttentionKind.LinkAnswer"/> for what the advisor must act on (it stays on the board for a closed
    /// candidate); <see cref="Attention.AttentionKind.Other"/> for news that needs nothing (it clears once the candidate is closed).</param>
    Task AlertAdvisorAsync(string candidateId, Attention.AttentionKind kind, string reason, string reference, CancellationToken ct);

    /// <summary>Starts in-work progression for a participant; false when it exists already (one per participant).</summary>
    Task<bool> StartProgressionAsync(ProgressionStart start, CancellationToken ct);

    /// <summary>Tells a participant's progression workflow of an update or their leaving.</summary>
    Task<SignalResult> TellProgressionAsync(string participantId, ProgressionNews news, string reference, CancellationToken ct);

    /// <summary>Stops every workflow the candidate has running (withdrawal).</summary>
    Task StopAllAsync(string candidateId, string? academyId, string reason, CancellationToken ct);

    Task<WorkflowView?> JourneyAsync(string candidateId, CancellationToken ct);

    /// <summary>Runs a journey that failed again from the step that failed; NotRunning when it has not failed.</summary>
    Task<SignalResult> RetryJourneyAsync(string candidateId, string reason, CancellationToken ct);

    /// <summary>Tells running workflows the business clock's new offset, so their waits re-arm (Development only).</summary>
    Task BusinessClockMovedAsync(TimeSpan offset, CancellationToken ct);
}
