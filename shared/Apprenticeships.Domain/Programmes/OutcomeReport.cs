using Apprenticeships.Domain.Candidates;

namespace Apprenticeships.Domain.Programmes;

/// <summary>The hub's outcome figures for a date range (docs/pipeline.md), both dates included.</summary>
public sealed record OutcomeFigures(
    DateOnly From,
    DateOnly To,
    int Referrals,
    int NoResponse,
    int SwapStarts,
    int SwapCompletions,
    int Interviews,
    int JobOutcomesDirect,
    int JobOutcomesViaSwap,
    int Sustained13Weeks,
    int Sustained26Weeks,
    int ApprenticeshipStarts,
    int Achievements,
    int Withdrawals,
    IReadOnlyDictionary<string, int> WithdrawalReasons,
    int TrainingCompleted,
    decimal Spend,
    decimal? CostPerOutcome,
    decimal LevyUsed,
    decimal LevyExpired);

/// <summary>Money over the range from the levy side: paid to providers for hub apprentices, and expired.</summary>
public sealed record LevyFigures(decimal PaidForHubApprentices, decimal Used, decimal Expired);

public static class OutcomeReport
{
    /// <summary>
    /// Counts each fact by the day it was recorded. Interviews are SWAP completions (a completer
    /// has had their guaranteed interview); training completed is SWAP completions plus
    /// achievements; cost per outcome is academy places plus levy paid for hub apprentices,
    /// divided by job outcomes plus achievements.
    /// </summary>
    public static OutcomeFigures Build(DateOnly from, DateOnly to, IEnumerable<Candidate> candidates, IEnumerable<ProgrammeRecord> records, LevyFigures levy)
    {
        bool In(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime) is var d && d >= from && d <= to;
        var people = candidates.ToList();
        var facts = records.Where(r => In(r.At)).ToList();
        int Count(RecordKind kind, Func<ProgrammeRecord, bool>? and = null) => facts.Count(r => r.Kind == kind && (and?.Invoke(r) ?? true));

        var completed = Count(RecordKind.SwapOutcome, r => r.Value != nameof(SwapOutcome.DidNotComplete));
        var jobsDirect = Count(RecordKind.JobStart, r => r.Value == JobRoute.Direct);
        var jobsViaSwap = Count(RecordKind.JobStart, r => r.Value == JobRoute.ViaSwap);
        var achievements = Count(RecordKind.Achievement);
        var withdrawn = people.Where(c => c.Stage == CandidateStage.Withdrawn && In(c.StageChangedAt)).ToList();
        var spend = facts.Where(r => r.Kind == RecordKind.SwapStart).Sum(r => r.Amount ?? 0) + levy.PaidForHubApprentices;
        var outcomes = jobsDirect + jobsViaSwap + achievements;

        return new OutcomeFigures(from, to,
            Referrals: people.Count(c => In(c.EnrolledAt)),
            NoResponse: people.Count(c => c.Stage == CandidateStage.NoResponse && In(c.StageChangedAt)),
            SwapStarts: Count(RecordKind.SwapStart),
            SwapCompletions: completed,
            Interviews: completed,
            JobOutcomesDirect: jobsDirect,
            JobOutcomesViaSwap: jobsViaSwap,
            Sustained13Weeks: Count(RecordKind.SustainmentCheck, r => r.Value == "13" && r.Reason == SustainmentChecks.InWork),
            Sustained26Weeks: Count(RecordKind.SustainmentCheck, r => r.Value == "26" && r.Reason == SustainmentChecks.InWork),
            ApprenticeshipStarts: Count(RecordKind.ApprenticeshipStart),
            Achievements: achievements,
            Withdrawals: withdrawn.Count,
            WithdrawalReasons: withdrawn.GroupBy(c => c.WithdrawalReason ?? "Not given").OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
            TrainingCompleted: completed + achievements,
            Spend: spend,
            CostPerOutcome: outcomes == 0 ? null : Math.Round(spend / outcomes, 2),
            LevyUsed: levy.Used,
            LevyExpired: levy.Expired);
    }
}

/// <summary>How a job start came about, as recorded.</summary>
public static class JobRoute
{
    public const string Direct = "Direct";
    public const string ViaSwap = "ViaSwap";
}

/// <summary>Sustainment checks at 13 and 26 weeks after a job start (DWP measures).</summary>
public static class SustainmentChecks
{
    public static readonly int[] CheckWeeks = [13, 26];
    public const string InWork = "InWork";
    public const string NotInWork = "NotInWork";
}
