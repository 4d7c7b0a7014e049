using Apprenticeships.Workflows.Activities;
using Apprenticeships.Application.Programmes.Commands;
using Apprenticeships.Workflows.Running;
using static Apprenticeships.Workflows.Orchestrations.WorkingDay;

namespace Apprenticeships.Workflows.Orchestrations;

/// <summary>
/// One candidate on one sector-based work academy (up to six weeks): a reminder the morning
/// before each pre-employment session and an attendance check that evening (missed or unrecorded
/// sessions alert the advisor); weekly check-in emails during the work experience placement; an
/// interview reminder; then the outcome, which
/// the advisor records (chased a week after the interview). The outcome may come early, when a
/// participant leaves. Those without a job offer get a "what next" email and their advisor an alert.
/// </summary>
public sealed class SwapProgramme : TaskOrchestrator<SwapInput, SwapResult>
{
    public override async Task<SwapResult> RunAsync(TaskOrchestrationContext context, SwapInput input)
    {
        var run = await OrchestrationRun.StartAsync(context);
        var plan = await run.CallAsync<AcademyPlan>(nameof(GetAcademyPlan), input.AcademyId);
        var result = await FollowPlanAsync(run, input, plan)
            ?? await run.SignalChasedAtAsync<SwapResult>(WorkflowEvents.SwapOutcome, Evening(plan.InterviewDate.AddDays(PipelinePolicy.AcademyOutcomeChaseDays)),
                () => run.AlertAsync(input.CandidateId, AttentionKind.NoAcademyOutcome,
                    (AttentionFacts.AcademyId, input.AcademyId), (AttentionFacts.Days, RunSteps.Fact(PipelinePolicy.AcademyOutcomeChaseDays))));

        var details = new Dictionary<string, string> { ["academyId"] = input.AcademyId, ["outcome"] = result.Outcome.ToString() };
        await run.EmailAsync(input.CandidateId, "outcome", details);
        if (result is not { Outcome: SwapOutcome.CompletedSuccessful, Offer: not SwapOffer.None })
        {
            await run.EmailAsync(input.CandidateId, "what-next", details);
            await run.AlertAsync(input.CandidateId, AttentionKind.NoJobOffer, (AttentionFacts.AcademyId, input.AcademyId), (AttentionFacts.Outcome, result.Outcome.ToString()));
        }
        return result;
    }

    /// <summary>One thing on the academy's schedule: an email to send (worth sending until <see cref="UsefulUntil"/>) or an attendance check.</summary>
    private sealed record Step(DateTime Due, DateTime UsefulUntil, string Template, Dictionary<string, string> Details, DateOnly? Session = null);

    /// <summary>Runs the academy's schedule in time order; the outcome if it arrives meanwhile, else null at the end.</summary>
    private static async Task<SwapResult?> FollowPlanAsync(OrchestrationRun run, SwapInput input, AcademyPlan plan)
    {
        foreach (var step in Schedule(input.AcademyId, plan).OrderBy(s => s.Due))
        {
            run.Context.SetCustomStatus(new { next = step.Template, due = step.Due });
            if (await run.SignalBeforeAsync<SwapResult>(WorkflowEvents.SwapOutcome, step.Due) is { } outcome) return outcome;
            if (step.Session is { } session)
            {
                var attendance = await run.CallAsync<string>(nameof(CheckAttendance), new AttendanceCheck(input.CandidateId, input.AcademyId, session));
                if (attendance != AcademyAttendance.Present)
                    await run.AlertAsync(input.CandidateId, attendance == AcademyAttendance.Absent ? AttentionKind.MissedSession : AttentionKind.AttendanceNotRecorded,
                        (AttentionFacts.AcademyId, input.AcademyId), (AttentionFacts.Session, RunSteps.Fact(session)));
            }
            else if (run.Now < step.UsefulUntil)
            {
                await run.EmailAsync(input.CandidateId, step.Template, step.Details); // a late joiner is not reminded of what is over
            }
        }
        return null;
    }

    /// <summary>
    /// A reminder the morning before each session and a check that evening; a check-in at the end
    /// of each placement week (its fifth day); an interview reminder the morning before.
    /// </summary>
    private static IEnumerable<Step> Schedule(string academyId, AcademyPlan plan)
    {
        Dictionary<string, string> Details(params (string Key, string Value)[] more)
        {
            var details = new Dictionary<string, string> { ["academyId"] = academyId };
            foreach (var (key, value) in more) details[key] = value;
            return details;
        }
        foreach (var session in plan.Sessions)
        {
            yield return new Step(Morning(session.AddDays(-1)), Morning(session), "session-reminder", Details(("sessionDate", session.ToString("O"))));
            yield return new Step(Evening(session), Evening(session), "attendance-check", Details(), session);
        }
        for (var week = 1; plan.PlacementStart.AddDays(7 * (week - 1) + 4) is var day && day <= plan.PlacementEnd; week++)
            yield return new Step(Morning(day), Evening(day.AddDays(2)), "placement-check-in", Details(("week", week.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        yield return new Step(Morning(plan.InterviewDate.AddDays(-1)), Morning(plan.InterviewDate), "interview-reminder", Details());
    }
}
