using System.Text.Json;
using Apprenticeships.Application;
using Apprenticeships.Application.Workflows;
using Apprenticeships.Workflows.Orchestrations;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Apprenticeships.Workflows.Hosting;

/// <summary>
/// The workflow port on Microsoft.DurableTask's client, in any host: which orchestration each
/// start and signal reaches, under which instance id. Every signal goes as a
/// <see cref="Signal{T}"/> carrying its reference, which the workflow takes once.
/// </summary>
/// <param name="client">The client to use now: in-process one for the app's life; under the
/// Functions host the one Durable Functions binds to the current invocation.</param>
public sealed class DurableWorkflows(Func<DurableTaskClient> client) : IWorkflows
{
    private static readonly OrchestrationRuntimeStatus[] Live = [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Suspended];

    public async Task<bool> StartJourneyAsync(string candidateId, CancellationToken ct)
    {
        try
        {
            await client().ScheduleNewOrchestrationInstanceAsync(nameof(CandidateJourney), candidateId,
                new StartOrchestrationOptions(WorkflowInstances.Journey(candidateId)), ct);
            return true;
        }
        catch (OrchestrationAlreadyExistsException)
        {
            // Started already (a retried enrolment): one journey per candidate.
            return false;
        }
    }

    public Task<SignalResult> AssignAsync(string candidateId, Assignment assignment, string reference, CancellationToken ct) =>
        RaiseAsync(WorkflowInstances.Journey(candidateId), WorkflowEvents.Assigned, assignment, reference, ct);

    public Task<SignalResult> AnswerInterestAsync(string candidateId, InterestAnswer answer, string reference, CancellationToken ct) =>
        RaiseAsync(WorkflowInstances.Journey(candidateId), WorkflowEvents.Interest, answer == InterestAnswer.Confirmed ? "confirmed" : "declined", reference, ct);

    public Task<SignalResult> RecordSwapOutcomeAsync(string candidateId, string academyId, SwapResult result, string reference, CancellationToken ct) =>
        RaiseAsync(WorkflowInstances.Swap(candidateId, academyId), WorkflowEvents.SwapOutcome, result, reference, ct);

    public Task<SignalResult> AnswerSustainmentAsync(string candidateId, SustainmentAnswer answer, string reference, CancellationToken ct) =>
        RaiseAsync(WorkflowInstances.Sustainment(candidateId), WorkflowEvents.Sustainment(answer.Week), answer, reference, ct);

    public Task<SignalResult> ConfirmTrainingAsync(string candidateId, TrainingConfirmation confirmation, string reference, CancellationToken ct) =>
        RaiseAsync(WorkflowInstances.Training(CommitmentIds.Of(candidateId)), WorkflowEvents.Confirmation, confirmation, reference, ct);

    public async Task AlertAdvisorAsync(string candidateId, Apprenticeships.Application.Attention.AttentionKind kind, string reason, string reference, CancellationToken ct)
    {
        var instance = WorkflowInstances.Alert(candidateId, reference);
        // Sent or on its way: nothing to do. One that failed (its email refused) goes again.
        if (await client().GetInstanceAsync(instance, getInputsAndOutputs: false, ct) is { RuntimeStatus: not (OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated) })
            return;
        try
        {
            await client().ScheduleNewOrchestrationInstanceAsync(nameof(CandidateAlert), new AdvisorAlert(candidateId, kind, new Dictionary<string, string> { [Apprenticeships.Application.Attention.AttentionFacts.Reason] = reason }), new StartOrchestrationOptions(instance), ct);
        }
        catch (OrchestrationAlreadyExistsException)
        {
            // Started by a racing request: one alert.
        }
    }

    public async Task<bool> StartProgressionAsync(ProgressionStart start, CancellationToken ct)
    {
        try
        {
            await client().ScheduleNewOrchestrationInstanceAsync(nameof(InWorkProgression), start,
                new StartOrchestrationOptions(WorkflowInstances.Progression(start.ParticipantId)), ct);
            return true;
        }
        catch (OrchestrationAlreadyExistsException)
        {
            // Started already (a repeated job start or a retried request): one per participant.
            return false;
        }
    }

    public Task<SignalResult> TellProgressionAsync(string participantId, ProgressionNews news, string reference, CancellationToken ct) =>
        RaiseAsync(WorkflowInstances.Progression(participantId), WorkflowEvents.Progression, news, reference, ct);

    public async Task StopAllAsync(string candidateId, string? academyId, string reason, CancellationToken ct)
    {
        foreach (var instance in WorkflowInstances.All(candidateId, academyId))
        {
            if (await client().GetInstanceAsync(instance, getInputsAndOutputs: false, ct) is { } status && Live.Contains(status.RuntimeStatus))
                await client().TerminateInstanceAsync(instance, new TerminateInstanceOptions(reason), ct);
        }
    }

    public async Task<WorkflowView?> JourneyAsync(string candidateId, CancellationToken ct)
    {
        var journey = await client().GetInstanceAsync(WorkflowInstances.Journey(candidateId), getInputsAndOutputs: false, ct);
        return journey is null ? null : new WorkflowView(journey.RuntimeStatus.ToString(), journey.ReadCustomStatusAs<JsonElement?>(), Reason(journey.FailureDetails));
    }

    /// <summary>The failure and the failures under it, innermost last: the innermost names what to put right.</summary>
    private static string? Reason(TaskFailureDetails? failure)
    {
        var messages = new List<string>();
        for (var f = failure; f is not null; f = f.InnerFailure) messages.Add(f.ErrorMessage);
        return messages.Count == 0 ? null : string.Join(" ← ", messages.Distinct());
    }

    public async Task<SignalResult> RetryJourneyAsync(string candidateId, string reason, CancellationToken ct)
    {
        var journey = WorkflowInstances.Journey(candidateId);
        if (await client().GetInstanceAsync(journey, getInputsAndOutputs: false, ct) is not { RuntimeStatus: OrchestrationRuntimeStatus.Failed })
            return SignalResult.NotRunning;
        // The engine rewinds the failed sub-orchestration under it too.
        await client().RewindInstanceAsync(journey, reason, ct);
        return SignalResult.Delivered;
    }

    public async Task BusinessClockMovedAsync(TimeSpan offset, CancellationToken ct)
    {
        var moved = new BusinessClockMoved(offset.Ticks);
        await foreach (var instance in client().GetAllInstancesAsync(new OrchestrationQuery { Statuses = Live }).WithCancellation(ct))
            await client().RaiseEventAsync(instance.InstanceId, BusinessClockMoved.EventName, moved, ct);
    }

    public async Task<bool> IsRunningAsync(string instance, CancellationToken ct) =>
        await client().GetInstanceAsync(instance, getInputsAndOutputs: false, ct) is { } status && Live.Contains(status.RuntimeStatus);

    private async Task<SignalResult> RaiseAsync<T>(string instance, string name, T payload, string reference, CancellationToken ct)
    {
        // The engine would accept a message for an instance that does not exist and drop it later: say so now instead.
        if (!await IsRunningAsync(instance, ct)) return SignalResult.NotRunning;
        await client().RaiseEventAsync(instance, name, new Signal<T>(reference, payload), ct);
        return SignalResult.Delivered;
    }
}
