using Apprenticeships.Durable;

namespace Apprenticeships.Functions.Orchestrations;

/// <summary>
/// A candidate's journey from referral, by candidate id: the welcome email, then up to 14 days
/// for the candidate to confirm interest (nudges at 2 and 5 days, an advisor alert at 7, closed
/// as "no response" at 14); then whatever the advisor assigns: an academy (after which the
/// candidate can be assigned again), a job start with sustainment checks, or an apprenticeship
/// cohort and its training. Each stage change is in the custom status with its date.
/// </summary>
public sealed class CandidateJourney : TaskOrchestrator<string, string>
{
    private static readonly (int Day, string Step)[] InterestChasers = [(PipelinePolicy.FirstNudgeDays, "nudge"), (PipelinePolicy.SecondNudgeDays, "nudge"), (PipelinePolicy.NoResponseAlertDays, "alert"), (PipelinePolicy.NoResponseCloseDays, "close")];

    public override async Task<string> RunAsync(TaskOrchestrationContext context, string candidateId)
    {
        if (!await InterestConfirmedAsync(context, candidateId)) return "closed";
        while (true)
        {
            var engagedAt = context.CurrentUtcDateTime;
            var next = await context.EventChasedAtAsync<Assignment>(WorkflowEvents.Assigned, engagedAt.AddDays(PipelinePolicy.UnassignedAlertDays),
                () => context.AlertAsync(candidateId, $"confirmed interest but has had no academy, job or cohort for {PipelinePolicy.UnassignedAlertDays} days."));
            switch (next.Kind)
            {
                case AssignmentKind.Academy:
                    await AcademyAsync(context, candidateId, next.ProgrammeId!);
                    continue;
                case AssignmentKind.Job:
                    return await JobAsync(context, candidateId, next.StartDate!.Value);
                default:
                    return await ApprenticeshipAsync(context, candidateId, next.ProgrammeId!);
            }
        }
    }

    private static async Task<bool> InterestConfirmedAsync(TaskOrchestrationContext context, string candidateId)
    {
        var referred = context.CurrentUtcDateTime;
        await context.EmailAsync(candidateId, "welcome");
        await context.MoveAsync(new StageChange(candidateId, CandidateStage.AwaitingInterest, "Welcome email sent; waiting for the candidate to confirm interest."));
        foreach (var (day, step) in InterestChasers)
        {
            if (await context.EventBeforeAsync<string>(WorkflowEvents.Interest, referred.AddDays(day)) is { } answer)
            {
                if (answer == "declined")
                {
                    await context.MoveAsync(new StageChange(candidateId, CandidateStage.Withdrawn, "The candidate said they do not want to take part.", "Declined"));
                    return false;
                }
                await context.MoveAsync(new StageChange(candidateId, CandidateStage.Engaged, "The candidate confirmed their interest."));
                return true;
            }
            switch (step)
            {
                case "nudge":
                    await context.EmailAsync(candidateId, "confirm-interest-nudge");
                    break;
                case "alert":
                    await context.AlertAsync(candidateId, $"has not confirmed interest {day} days after referral.");
                    break;
                default:
                    await context.MoveAsync(new StageChange(candidateId, CandidateStage.NoResponse, $"Closed: no response {day} days after referral."));
                    return false;
            }
        }
        return false;
    }

    private static async Task AcademyAsync(TaskOrchestrationContext context, string candidateId, string academyId)
    {
        await context.MoveAsync(new StageChange(candidateId, CandidateStage.InSwap, $"Joined academy {academyId}."), academyId);
        var result = await context.CallSubOrchestratorAsync<SwapResult>(nameof(SwapProgramme), new SwapInput(candidateId, academyId), WorkflowInstances.Swap(candidateId, academyId));
        var what = result is { Outcome: SwapOutcome.CompletedSuccessful, Offer: not SwapOffer.None }
            ? $"Finished academy {academyId} with an offer ({result.Offer}); waiting for the start."
            : $"Finished academy {academyId} ({result.Outcome}); ready for another step.";
        await context.MoveAsync(new StageChange(candidateId, CandidateStage.Engaged, what));
    }

    private static async Task<string> JobAsync(TaskOrchestrationContext context, string candidateId, DateOnly start)
    {
        await context.MoveAsync(new StageChange(candidateId, CandidateStage.InWork, $"Started a job on {start:yyyy-MM-dd}."));
        var sustained = await context.CallSubOrchestratorAsync<bool>(nameof(Sustainment), new SustainmentInput(candidateId, start), WorkflowInstances.Sustainment(candidateId));
        if (sustained)
        {
            await context.MoveAsync(new StageChange(candidateId, CandidateStage.Completed, "Still in work at the 26-week check."));
            return "sustained";
        }
        await context.MoveAsync(new StageChange(candidateId, CandidateStage.Withdrawn, "Left work before the 26-week check.", "Left work"));
        return "left work";
    }

    private static async Task<string> ApprenticeshipAsync(TaskOrchestrationContext context, string candidateId, string cohortId)
    {
        await context.MoveAsync(new StageChange(candidateId, CandidateStage.AwaitingCohort, $"Accepted for cohort {cohortId}; waiting for its start date."), cohortId);
        var training = await context.CallSubOrchestratorAsync<TrainingInput>(nameof(CohortIntake), new IntakeInput(candidateId, cohortId), WorkflowInstances.Intake(candidateId));
        await context.MoveAsync(new StageChange(candidateId, CandidateStage.InTraining, $"Started the apprenticeship (commitment {training.CommitmentId})."), training.CommitmentId);
        var grade = await context.CallSubOrchestratorAsync<string>(nameof(ApprenticeshipTraining), training, WorkflowInstances.Training(training.CommitmentId));
        await context.MoveAsync(new StageChange(candidateId, CandidateStage.Completed, $"Achieved the apprenticeship ({grade})."));
        return "achieved";
    }
}
