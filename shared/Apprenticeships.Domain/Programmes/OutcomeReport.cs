using Apprenticeships.Domain.Candidates;

namespace Apprenticeships.Domain.Programmes;

/// <summary>
/// The hub's outcome figures for a date range (docs/pipeline.md), both dates included, as of
/// <see cref="AsOf"/> (today on the business clock): every figure counts facts dated in the range
/// up to and including that day. What is dated later in the range is not counted here but in
/// <see cref="Forecast"/>. <see cref="CostPerOutcome"/> is null when there is no outcome to divide by.
/// </summary>
public sealed record OutcomeFigures(
    DateOnly From,
    DateOnly To,
    DateOnly AsOf,
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
    decimal LevyExpired,
    OutcomeForecast? Forecast);

/// <summary>
/// The part of the range after today (<see cref="From"/> to <see cref="To"/>): what is already
/// planned for it and would happen if nothing changes. Nothing here has happened, so none of it
/// is counted as spent, used or expired. Null when the range ends by today.
/// </summary>
public sealed record OutcomeForecast(DateOnly From, DateOnly To, int JobStarts, decimal Spend, decimal LevyUsed, decimal LevyExpiring);

/// <summary>Money from the levy side for a stretch of months: paid to providers for hub apprentices, taken from the accounts, and expired.</summary>
public sealed record LevyFigures(decimal PaidForHubApprentices, decimal Used, decimal Expired)
{
    public static readonly LevyFigures None = new(0, 0, 0);
}

public static class OutcomeReport
{
    /// <summary>
    /// The date a fact counts on: its own date where it has one (a job's first day, the start of
    /// an apprenticeship, the day of an achievement), else the day it was recorded. A levy month's
    /// money (payments, expiry) counts on the month's last day, when the month is over.
    /// </summary>
    public static DateOnly DateOf(ProgrammeRecord r) =>
        r.Kind is RecordKind.JobStart or RecordKind.ApprenticeshipStart or RecordKind.Achievement && r.Date is { } own
            ? own
            : DateOnly.FromDateTime(r.At.UtcDateTime);

    /// <summary>
    /// Counts each fact dated from <paramref name="from"/> to <paramref name="to"/> and not after
    /// <paramref name="today"/> (<see cref="DateOf"/>); referrals by the day of enrolment, no
    /// response and withdrawals by the day the candidate was closed. Interviews are SWAP
    /// completions (a completer has had their guaranteed interview); training completed is SWAP
    /// completions plus achievements; cost per outcome is academy places plus levy paid for hub
    /// apprentices, divided by job outcomes plus achievements. Facts dated after today, and the
    /// levy's <paramref name="forecast"/>, make the <see cref="OutcomeForecast"/>.
    /// </summary>
    public static OutcomeFigures Build(DateOnly from, DateOnly to, DateOnly today, IEnumerable<Candidate> candidates, IEnumerable<ProgrammeRecord> records,
        LevyFigures levy, LevyFigures forecast)
    {
        var countedTo = to < today ? to : today;
        bool Counted(DateOnly d) => d >= from && d <= countedTo;
        bool In(DateTimeOffset at) => Counted(DateOnly.FromDateTime(at.UtcDateTime));
        var people = candidates.ToList();
        var all = records.ToList();
        var facts = all.Where(r => Counted(DateOf(r))).ToList();
        int Count(RecordKind kind, Func<ProgrammeRecord, bool>? and = null) => facts.Count(r => r.Kind == kind && (and?.Invoke(r) ?? true));

        var completed = Count(RecordKind.SwapOutcome, r => r.Value != nameof(SwapOutcome.DidNotComplete));
        var jobsDirect = Count(RecordKind.JobStart, r => r.Value == JobRoute.Direct);
        var jobsViaSwap = Count(RecordKind.JobStart, r => r.Value == JobRoute.ViaSwap);
        var achievements = Count(RecordKind.Achievement);
        var withdrawn = people.Where(c => c.Stage == CandidateStage.Withdrawn && In(c.StageChangedAt)).ToList();
        var spend = facts.Where(r => r.Kind == RecordKind.SwapStart).Sum(r => r.Amount ?? 0) + levy.PaidForHubApprentices;
        var outcomes = jobsDirect + jobsViaSwap + achievements;

        OutcomeForecast? ahead = null;
        if (to > today)
        {
            var aheadFrom = from > today ? from : today.AddDays(1);
            var later = all.Where(r => DateOf(r) is var d && d >= aheadFrom && d <= to).ToList();
            ahead = new OutcomeForecast(aheadFrom, to, later.Count(r => r.Kind == RecordKind.JobStart),
                later.Where(r => r.Kind == RecordKind.SwapStart).Sum(r => r.Amount ?? 0) + forecast.PaidForHubApprentices, forecast.Used, forecast.Expired);
        }

        return new OutcomeFigures(from, to, today,
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
            LevyExpired: levy.Expired,
            Forecast: ahead);
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
