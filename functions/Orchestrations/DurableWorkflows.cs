using System.Text.Json;
using Apprenticeships.Durable;
using Apprenticeships.Durable.Client;

namespace Apprenticeships.Functions.Orchestrations;

/// <summary>The workflow port on the durable engine: which orchestration each start and signal reaches, under which instance id.</summary>
public sealed class DurableWorkflows(DurableTaskClient client) : IWorkflows
{
    public Task StartJourneyAsync(string candidateId, CancellationToken ct) =>
        client.ScheduleNewOrchestrationInstanceAsync(nameof(CandidateJourney), candidateId, WorkflowInstances.Journey(candidateId), ct);

    public Task AssignAsync(string candidateId, Assignment assignment, string reference, CancellationToken ct) =>
        client.RaiseEventAsync(WorkflowInstances.Journey(candidateId), WorkflowEvents.Assigned, assignment, reference, ct);

    public Task<SignalResult> AnswerInterestAsync(string candidateId, InterestAnswer answer, string reference, CancellationToken ct) =>
        RaiseAsync(WorkflowInstances.Journey(candidateId), WorkflowEvents.Interest, answer == InterestAnswer.Confirmed ? "confirmed" : "declined", reference, ct);

    public Task<SignalResult> RecordSwapOutcomeAsync(string candidateId, string academyId, SwapResult result, string reference, CancellationToken ct) =>
        RaiseAsync(WorkflowInstances.Swap(candidateId, academyId), WorkflowEvents.SwapOutcome, result, reference, ct);

    public Task<SignalResult> AnswerSustainmentAsync(string candidateId, SustainmentAnswer answer, string reference, CancellationToken ct) =>
        RaiseAsync(WorkflowInstances.Sustainment(candidateId), WorkflowEvents.Sustainment(answer.Week), answer, reference, ct);

    public Task<SignalResult> ConfirmTrainingAsync(string candidateId, TrainingConfirmation confirmation, string reference, CancellationToken ct) =>
        RaiseAsync(WorkflowInstances.Training(Application.CommitmentIds.Of(candidateId)), WorkflowEvents.Confirmation, confirmation, reference, ct);

    public async Task StopAllAsync(string candidateId, string? academyId, string reason, CancellationToken ct)
    {
        foreach (var instance in WorkflowInstances.All(candidateId, academyId))
        {
            var status = await client.GetInstanceAsync(instance, getInputsAndOutputs: false, ct);
            if (status is { IsRunning: true }) await client.TerminateInstanceAsync(instance, reason, ct);
        }
    }

    public async Task<WorkflowView?> JourneyAsync(string candidateId, CancellationToken ct)
    {
        var journey = await client.GetInstanceAsync(WorkflowInstances.Journey(candidateId), getInputsAndOutputs: false, ct);
        return journey is null ? null : new WorkflowView(journey.RuntimeStatus.ToString(), journey.ReadCustomStatusAs<JsonElement?>());
    }

    private async Task<SignalResult> RaiseAsync<T>(string instance, string name, T payload, string reference, CancellationToken ct)
    {
        try
        {
            await client.RaiseEventAsync(instance, name, payload, eventId: reference, ct);
            return SignalResult.Delivered;
        }
        catch (InstanceNotFoundException)
        {
            return SignalResult.NotRunning;
        }
    }
}
