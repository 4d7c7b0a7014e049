using Apprenticeships.Workflows.Activities;
using Apprenticeships.Workflows.Running;
using static Apprenticeships.Workflows.Orchestrations.WorkingDay;

namespace Apprenticeships.Workflows.Orchestrations;

/// <summary>
/// In-work progression for one participant, by id: every <see cref="PipelinePolicy.ProgressionIntervalWeeks"/>
/// weeks from the day they are followed from, <see cref="PipelinePolicy.ProgressionRounds"/> times, the employer's
/// primary contact is asked what training, pay or hours have changed (and a placed candidate is asked too; an
/// employer's own staff are not written to). An update recorded after the prompt answers it; nobody answering
/// within <see cref="PipelinePolicy.ProgressionChaseDays"/> days alerts the advisors. Ends after the last round,
/// or as soon as the person's leaving is recorded. Returns "completed" or "left".
/// </summary>
public sealed class InWorkProgression : TaskOrchestrator<ProgressionStart, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, ProgressionStart input)
    {
        var run = await OrchestrationRun.StartAsync(context);
        for (var round = 1; round <= PipelinePolicy.ProgressionRounds; round++)
        {
            var weeks = round * PipelinePolicy.ProgressionIntervalWeeks;
            var due = Morning(input.From.AddDays(7 * weeks));
            // Until the prompt only leaving matters: an update recorded before it answers no question.
            if (await NewsAsync(run, due, answersFrom: DateTime.MaxValue) is { Left: true }) return "left";

            var week = RunSteps.Fact(weeks);
            run.Context.SetCustomStatus(new { round, week = weeks, since = run.Now });
            await run.CallAsync<bool>(nameof(SendEmployerEmail), new Keyed<EmployerEmail>(run.NextKey(),
                new EmployerEmail(input.EmployerId, input.ParticipantId, "progression-employer", new Dictionary<string, string> { ["week"] = week })));
            if (input.CandidateId is { } candidateId) await run.EmailAsync(candidateId, "progression-check", new() { ["week"] = week });

            var answer = await NewsAsync(run, due.AddDays(PipelinePolicy.ProgressionChaseDays), answersFrom: due);
            if (answer is { Left: true }) return "left";
            if (answer is null)
                // A placed candidate's alert is on their record (the board names them); a member of staff's under their participant id.
                await run.AlertAsync(input.CandidateId ?? input.ParticipantId, AttentionKind.ProgressionNoAnswer,
                    (AttentionFacts.Week, week), (AttentionFacts.ParticipantId, input.ParticipantId), (AttentionFacts.EmployerId, input.EmployerId));
        }
        return "completed";
    }

    /// <summary>The first news before <paramref name="deadline"/> that is a leaving, or an update recorded from <paramref name="answersFrom"/> on; null once the deadline passes.</summary>
    private static async Task<ProgressionNews?> NewsAsync(OrchestrationRun run, DateTime deadline, DateTime answersFrom)
    {
        while (await run.SignalBeforeAsync<ProgressionNews>(WorkflowEvents.Progression, deadline) is { } news)
        {
            if (news.Left || news.RecordedAt >= answersFrom) return news;
        }
        return null;
    }
}
