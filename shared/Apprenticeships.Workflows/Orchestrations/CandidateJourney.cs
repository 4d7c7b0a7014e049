using Apprenticeships.Workflows.Running;

namespace Apprenticeships.Workflows.Orchestrations;

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
        var run = await OrchestrationRun.StartAsync(context);
        if (!await InterestConfirmedAsync(run, candidateId)) return "closed";
        while (true)
        {
            var engagedAt = run.Now;
            var next = await run.SignalChasedAtAsync<Assignment>(WorkflowEvents.Assigned, engagedAt.AddDays(PipelinePolicy.UnassignedAlertDays),
                () => run.AlertAsync(candidateId, AttentionKind.NotAssigned, (AttentionFacts.Days, RunSteps.Fact(PipelinePolicy.UnassignedAlertDays))));
            switch (next.Kind)
            {
                case AssignmentKind.Academy:
                    await AcademyAsync(run, candidateId, next.ProgrammeId!);
                    continue;
                case AssignmentKind.Job:
                    return await JobAsync(run, candidateId, next.StartDate!.Value);
                default:
                    return await ApprenticeshipAsync(run, candidateId, next.ProgrammeId!);
            }
        }
    }

    private static async Task<bool> InterestConfirmedAsync(OrchestrationRun run, string candidateId)
    {
        var referred = run.Now;
        await run.EmailAsync(candidateId, "welcome");
        await run.MoveAsync(new StageChange(candidateId, CandidateStage.AwaitingInterest, "Welcome email sent; waiting for the candidate to confirm interest."));
        foreach (var (day, step) in InterestChasers)
        {
            if (await run.SignalBeforeAsync<string>(WorkflowEvents.Interest, referred.AddDays(day)) is { } answer)
            {
                if (answer == "declined")
                {
                    await run.MoveAsync(new StageChange(candidateId, CandidateStage.Withdrawn, "The candidate said they do not want to take part.", "Declined"));
                    return false;
                }
                await run.MoveAsync(new StageChange(candidateId, CandidateStage.Engaged, "The candidate confirmed their interest."));
                return true;
            }
            switch (step)
            {
                case "nudge":
                    await run.EmailAsync(candidateId, "confirm-interest-nudge");
                    break;
                case "alert":
                    await run.AlertAsync(candidateId, AttentionKind.NoAnswer, (AttentionFacts.Days, RunSteps.Fact(day)));
                    break;
                default:
                    await run.MoveAsync(new StageChange(candidateId, CandidateStage.NoResponse, $"Closed: no response {day} days after referral."));
                    return false;
            }
        }
        return false;
    }

    private static async Task AcademyAsync(OrchestrationRun run, string candidateId, string academyId)
    {
        await run.MoveAsync(new StageChange(candidateId, CandidateStage.InSwap, "Joined an academy.") { ProgrammeId = academyId }, academyId);
        var result = await run.SubAsync<SwapResult>(nameof(SwapProgramme), new SwapInput(candidateId, academyId), WorkflowInstances.Swap(candidateId, academyId));
        var what = result is { Outcome: SwapOutcome.CompletedSuccessful, Offer: not SwapOffer.None }
            ? $"Finished the academy with an offer of {Words.Of(result.Offer)}; waiting for the start."
            : $"Finished the academy ({Words.Of(result.Outcome).ToLowerInvariant()}); ready for another step.";
        await run.MoveAsync(new StageChange(candidateId, CandidateStage.Engaged, what) { ProgrammeId = academyId });
    }

    private static async Task<string> JobAsync(OrchestrationRun run, string candidateId, DateOnly start)
    {
        await run.MoveAsync(new StageChange(candidateId, CandidateStage.InWork, $"Started a job on {Words.Date(start)}."));
        var sustained = await run.SubAsync<bool>(nameof(Sustainment), new SustainmentInput(candidateId, start), WorkflowInstances.Sustainment(candidateId));
        if (sustained)
        {
            await run.MoveAsync(new StageChange(candidateId, CandidateStage.Completed, "Still in work at the 26-week check."));
            return "sustained";
        }
        await run.MoveAsync(new StageChange(candidateId, CandidateStage.Withdrawn, "Left work before the 26-week check.", "Left work"));
        return "left work";
    }

    private static async Task<string> ApprenticeshipAsync(OrchestrationRun run, string candidateId, string cohortId)
    {
        await run.MoveAsync(new StageChange(candidateId, CandidateStage.AwaitingCohort, "Accepted for a cohort; waiting for its start date.") { ProgrammeId = cohortId }, cohortId);
        var training = await run.SubAsync<TrainingInput>(nameof(CohortIntake), new IntakeInput(candidateId, cohortId), WorkflowInstances.Intake(candidateId));
        await run.MoveAsync(new StageChange(candidateId, CandidateStage.InTraining, "Started the apprenticeship.") { ProgrammeId = cohortId }, training.CommitmentId);
        var grade = await run.SubAsync<string>(nameof(ApprenticeshipTraining), TrainingProgress.Start(training), WorkflowInstances.Training(training.CommitmentId));
        await run.MoveAsync(new StageChange(candidateId, CandidateStage.Completed, $"Achieved the apprenticeship with {Words.GradeOf(grade)}."));
        return "achieved";
    }
}
