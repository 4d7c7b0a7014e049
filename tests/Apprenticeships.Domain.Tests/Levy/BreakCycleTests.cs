using Apprenticeships.Domain.Levy.Commitments;
using Apprenticeships.Domain.Levy.Policy;
using static Apprenticeships.Domain.Levy.Commitments.CommitmentEventKind;
using static Apprenticeships.Domain.Tests.Levy.TestData;

namespace Apprenticeships.Domain.Tests.Levy;

/// <summary>
/// Breaks in learning come one at a time: a break, its return, and perhaps another break after the
/// return, each re-spreading what is left (DAS das-funding-system-acceptance-tests,
/// BreakInLearning/BreakInLearningReturnAdditionalScenarios.feature, "Training provider records
/// multiple breaks in learning with returns"; docs/levy-rules.md).
/// </summary>
public class BreakCycleTests
{
    private static readonly FundingPolicy Policy = FundingPolicy.England;

    private static CommitmentEvent Break(string date) => new(BreakInLearning, D(date));
    private static CommitmentEvent Back(string date, string newEnd) => new(ReturnFromBreak, D(date), D(newEnd));

    [Fact]
    public void A_second_break_while_on_a_break_is_refused()
    {
        var refusal = CommitmentLifecycle.Refusal([Break("2026-10-15")], Break("2026-11-20"));

        Assert.Equal("The apprentice is already on a break in learning from 2026-10-15: record the return before another break.", refusal);
    }

    [Fact]
    public void A_return_when_not_on_a_break_is_refused_before_any_break_and_after_the_return()
    {
        Assert.Equal("There is no break in learning to return from.", CommitmentLifecycle.Refusal([], Back("2026-12-15", "2027-10-31")));
        Assert.Equal("There is no break in learning to return from: the last one ended with the return on 2026-12-15.",
            CommitmentLifecycle.Refusal([Break("2026-10-15"), Back("2026-12-15", "2027-10-31")], Back("2027-01-10", "2027-12-31")));
    }

    [Fact]
    public void A_later_break_after_the_return_is_allowed_and_must_begin_after_it()
    {
        CommitmentEvent[] cycle = [Break("2026-10-15"), Back("2026-12-15", "2027-10-31")];

        Assert.Null(CommitmentLifecycle.Refusal(cycle, Break("2027-03-01")));
        Assert.Equal("A new break in learning must begin after the return on 2026-12-15.", CommitmentLifecycle.Refusal(cycle, Break("2026-12-15")));
        Assert.Null(CommitmentLifecycle.Refusal([.. cycle, Break("2027-03-01")], Back("2027-04-01", "2027-12-31")));
    }

    [Fact]
    public void Re_posting_an_earlier_break_or_return_is_not_a_refusal()
    {
        CommitmentEvent[] events = [Break("2026-10-15"), Back("2026-12-15", "2027-10-31"), Break("2027-03-01")];

        Assert.Null(CommitmentLifecycle.Refusal(events, Break("2026-10-15")));
        Assert.Null(CommitmentLifecycle.Refusal(events, Back("2026-12-15", "2027-10-31")));
    }

    [Fact]
    public void A_completion_waits_for_the_return_from_the_latest_break()
    {
        CommitmentEvent[] events = [Break("2026-10-15"), Back("2026-12-15", "2027-10-31"), Break("2027-03-01")];

        Assert.Contains("on a break", CommitmentLifecycle.Refusal(events, new CommitmentEvent(Completion, D("2027-05-01"))));
        Assert.Null(CommitmentLifecycle.Refusal([.. events, Back("2027-04-01", "2027-12-31")], new CommitmentEvent(Completion, D("2027-05-01"))));
    }

    [Fact]
    public void Breaks_and_returns_pair_in_date_order_whatever_order_they_are_read_in()
    {
        var periods = LearningPeriods.Of(Commitment(9_000m, "2026-09-01", "2027-08-31"),
            [Back("2027-04-01", "2027-12-31"), Break("2027-03-01"), Back("2026-12-15", "2027-10-31"), Break("2026-10-15")]);

        Assert.Equal([new LearningBreak(D("2026-10-15"), D("2026-12-15"), D("2027-10-31")), new LearningBreak(D("2027-03-01"), D("2027-04-01"), D("2027-12-31"))],
            periods.Breaks);
        Assert.Equal((false, D("2027-12-31"), D("2027-04-01")), (periods.IsOnBreak, periods.PlannedEndDate, periods.LastReturn));
    }

    [Fact]
    public void DAS_two_breaks_with_returns_re_spread_what_is_left_each_time()
    {
        // DAS: £15,000 from previousAY-08-01 to currentAY-07-31 (here 2023-08-01 to 2025-07-31) is £500 a month;
        // a break from 2024-01-15 leaves Aug..Dec earned; back 2024-03-15, the £9,500 left over the 17 months to
        // July 2025 is 558.82353 (we: £558.82); a second break from 2024-06-15 leaves Mar..May earned; back
        // 2024-09-01, what is left over the 11 months to July 2025 is 711.22995 (we: £711.23, from pence).
        var events = new[] { Break("2024-01-15"), Back("2024-03-15", "2025-07-31"), Break("2024-06-15"), Back("2024-09-01", "2025-07-31") };

        var schedule = PaymentSchedule.Build(Commitment(15_000m, "2023-08-01", "2025-07-31"), events, Policy);

        var instalments = schedule.Payments.Where(p => p.Kind == PaymentKind.Instalment).ToList();
        Assert.Equal(Enumerable.Repeat(500m, 5), instalments.Take(5).Select(p => p.Amount));
        Assert.Equal([(M("2024-03"), 558.82m), (M("2024-04"), 558.82m), (M("2024-05"), 558.82m)], instalments.Skip(5).Take(3).Select(p => (p.EarnedMonth, p.Amount)));
        Assert.Equal(M("2024-09"), instalments[8].EarnedMonth);
        Assert.All(instalments.Skip(8).SkipLast(1), p => Assert.Equal(711.23m, p.Amount));
        Assert.Equal((19, M("2025-07")), (instalments.Count, instalments[^1].EarnedMonth));
        // The last instalment takes the pennies, so the instalments are exactly the on-programme amount.
        Assert.Equal(12_000m, instalments.Sum(p => p.Amount));
        Assert.Equal(Enumerable.Range(1, 19), instalments.Select(p => p.Number));
        Assert.Equal((PaymentKind.Completion, M("2025-07"), 3_000m), (schedule.Payments[^1].Kind, schedule.Payments[^1].EarnedMonth, schedule.Payments[^1].Amount));
    }

    [Fact]
    public void On_the_second_break_instalments_stop_again_and_completion_waits()
    {
        var events = new[] { Break("2024-01-15"), Back("2024-03-15", "2025-07-31"), Break("2024-06-15") };

        var schedule = PaymentSchedule.Build(Commitment(15_000m, "2023-08-01", "2025-07-31"), events, Policy);

        Assert.All(schedule.Payments, p => Assert.Equal(PaymentKind.Instalment, p.Kind));
        Assert.Equal((8, M("2024-05")), (schedule.Payments.Count, schedule.Payments[^1].EarnedMonth));
    }

    [Fact]
    public void Incentive_parts_move_by_each_break_that_begins_before_they_are_due()
    {
        // 17 at the start: parts due 2026-11-29 (start + 89) and 2027-08-31 (start + 364). A 61-day break
        // (2026-10-15 to 2026-12-15) moves both; a 31-day break from 2027-03-01 moves only the second, which
        // by then is due 2027-10-31; the first was due 2027-01-29, before that break began.
        var commitment = Commitment(9_000m, "2026-09-01", "2027-08-31", age: 17);
        CommitmentEvent[] twoBreaks = [Break("2026-10-15"), Back("2026-12-15", "2027-10-31"), Break("2027-03-01"), Back("2027-04-01", "2027-12-31")];

        var moved = Incentives.For(commitment, twoBreaks, Policy).Where(i => i.Payee == IncentivePayee.Employer).Select(i => (i.DueDate, i.Status));
        var waiting = Incentives.For(commitment, twoBreaks[..3], Policy).Where(i => i.Payee == IncentivePayee.Employer).Select(i => (i.DueDate, i.Status));

        Assert.Equal([(D("2027-01-29"), IncentiveStatus.Payable), (D("2027-12-01"), IncentiveStatus.Payable)], moved);
        Assert.Equal([(D("2027-01-29"), IncentiveStatus.Payable), (D("2027-10-31"), IncentiveStatus.OnBreak)], waiting);
    }
}
