using Apprenticeships.Domain.Programmes;
using Apprenticeships.Durable;
using Apprenticeships.Functions.Activities;
using Apprenticeships.Functions.Models;
using static Apprenticeships.Functions.Orchestrations.WorkingDay;

namespace Apprenticeships.Functions.Orchestrations;

/// <summary>
/// One candidate on one sector-based work academy (up to six weeks): a reminder the morning
/// before each pre-employment session and an attendance check that evening; weekly check-in
/// emails during the work experience placement; an interview reminder; then the outcome, which
/// the advisor records (chased a week after the interview). The outcome may come early, when a
/// participant leaves. Those without a job offer get a "what next" email and their advisor an alert.
/// </summary>
public sealed class SwapProgramme : TaskOrchestrator<SwapInput, SwapResult>
{
    public const int DaysBeforeOutcomeChase = 7;

    public override async Task<SwapResult> RunAsync(TaskOrchestrationContext context, SwapInput input)
    {
        var plan = await context.CallActivityAsync<AcademyPlan>(nameof(GetAcademyPlan), input.AcademyId);
        var result = await FollowPlanAsync(context, input, plan)
            ?? await context.EventChasedAtAsync<SwapResult>(Events.SwapOutcome, Evening(plan.InterviewDate.AddDays(DaysBeforeOutcomeChase)),
                () => context.AlertAsync(input.CandidateId, $"has no outcome recorded for academy {input.AcademyId}, {DaysBeforeOutcomeChase} days after the interview."));

        var details = new Dictionary<string, string> { ["academyId"] = input.AcademyId, ["outcome"] = result.Outcome.ToString() };
        await context.EmailAsync(input.CandidateId, "outcome", details);
        if (result is not { Outcome: SwapOutcome.CompletedSuccessful, Offer: not SwapOffer.None })
        {
            await context.EmailAsync(input.CandidateId, "what-next", details);
            await context.AlertAsync(input.CandidateId, $"finished academy {input.AcademyId} without a job offer ({result.Outcome}): agree what next.");
        }
        return result;
    }

    /// <summary>Runs the academy's schedule; the outcome if it arrives meanwhile, else null at the end.</summary>
    private static async Task<SwapResult?> FollowPlanAsync(TaskOrchestrationContext context, SwapInput input, AcademyPlan plan)
    {
        var academy = new Dictionary<string, string> { ["academyId"] = input.AcademyId };
        foreach (var session in plan.Sessions.Order())
        {
            if (await ReminderAsync(context, Morning(session.AddDays(-1)), input.CandidateId, "session-reminder",
                    new(academy) { ["sessionDate"] = session.ToString("O") }) is { } early) return early;
            if (await context.EventBeforeAsync<SwapResult>(Events.SwapOutcome, Evening(session)) is { } left) return left;
            var attendance = await context.CallActivityAsync<string>(nameof(CheckAttendance), new AttendanceCheck(input.CandidateId, input.AcademyId, session));
            if (attendance != CheckAttendance.Present)
                await context.AlertAsync(input.CandidateId, attendance == CheckAttendance.Absent
                    ? $"missed the academy session on {session:yyyy-MM-dd}."
                    : $"has no attendance recorded for the academy session on {session:yyyy-MM-dd}.");
        }
        // A check-in at the end of each placement week (its fifth day), while the placement lasts.
        for (var week = 1; plan.PlacementStart.AddDays(7 * (week - 1) + 4) is var day && day <= plan.PlacementEnd; week++)
        {
            if (await ReminderAsync(context, Morning(day), input.CandidateId, "placement-check-in",
                    new(academy) { ["week"] = week.ToString(System.Globalization.CultureInfo.InvariantCulture) }) is { } early) return early;
        }
        if (await ReminderAsync(context, Morning(plan.InterviewDate.AddDays(-1)), input.CandidateId, "interview-reminder", academy) is { } beforeInterview)
            return beforeInterview;
        return null;
    }

    /// <summary>Waits until the reminder is due and sends it, unless the outcome arrives first (then returns it). Past reminders are skipped.</summary>
    private static async Task<SwapResult?> ReminderAsync(TaskOrchestrationContext context, DateTime due, string candidateId, string template, Dictionary<string, string> details)
    {
        if (due <= context.CurrentUtcDateTime) return null;
        if (await context.EventBeforeAsync<SwapResult>(Events.SwapOutcome, due) is { } outcome) return outcome;
        await context.EmailAsync(candidateId, template, details);
        return null;
    }
}
