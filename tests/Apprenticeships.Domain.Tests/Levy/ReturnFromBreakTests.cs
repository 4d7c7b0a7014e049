using Apprenticeships.Domain.Levy.Commitments;
using Apprenticeships.Domain.Levy.Policy;
using static Apprenticeships.Domain.Levy.Commitments.PaymentKind;
using static Apprenticeships.Domain.Tests.Levy.TestData;

namespace Apprenticeships.Domain.Tests.Levy;

/// <summary>
/// A return from a break in learning re-spreads what is left of the on-programme amount over the
/// months from the return to the new planned end, as DAS's earnings do (das-funding-apprenticeship-earnings,
/// AcceptanceTests/Features/UpdateOnProgramme/BreakInLearning.feature).
/// </summary>
public class ReturnFromBreakTests
{
    private static readonly FundingPolicy Policy = FundingPolicy.England;

    private static CommitmentEvent[] BreakAndReturn(string from, string back, string newEnd) =>
    [
        new(CommitmentEventKind.BreakInLearning, D(from)),
        new(CommitmentEventKind.ReturnFromBreak, D(back), D(newEnd)),
    ];

    private static string Row(ScheduledPayment p) => $"{p.EarnedMonth} {p.Kind} {p.Amount:0.00}";

    [Fact]
    public void DAS_break_then_return_re_spreads_the_unearned_amount_over_the_months_left()
    {
        // DAS "Training provider records a Break in Learning followed by a return": £7,000 from 2020-08-01 to
        // 2021-10-01 is £400 a month (80% over 14 months); a break from 2020-10-15 leaves Aug and Sep earned;
        // back on 2021-01-16 the £4,800 left is spread over Jan..Sep 2021, £533.33 a month.
        var schedule = PaymentSchedule.Build(Commitment(7_000m, "2020-08-01", "2021-10-01"), BreakAndReturn("2020-10-15", "2021-01-16", "2021-10-01"), Policy);

        var rows = schedule.Payments.Select(Row).ToList();
        Assert.Equal(["2020-08 Instalment 400.00", "2020-09 Instalment 400.00", "2021-01 Instalment 533.33"], rows.Take(3));
        Assert.Equal(11, schedule.Payments.Count(p => p.Kind == Instalment));
        // Rounded down each month, the last takes the pennies, so the instalments are exactly the on-programme amount.
        Assert.Equal("2021-09 Instalment 533.36", rows[^2]);
        Assert.Equal(5_600m, schedule.Payments.Where(p => p.Kind == Instalment).Sum(p => p.Amount));
        Assert.Equal("2021-10 Completion 1400.00", rows[^1]);
    }

    [Fact]
    public void DAS_a_longer_apprenticeship_after_the_break_spreads_the_rest_more_thinly()
    {
        // DAS "Apprenticeship duration is increased after BIL with no price change": £15,000 over 2023-10..2024-09
        // is £1,000 a month; a break from 2024-02-01 after four months, back 2024-05-01 with a new end of
        // 2025-03-31: £8,000 over 11 months, £727.27 a month.
        var schedule = PaymentSchedule.Build(Commitment(15_000m, "2023-10-01", "2024-09-30"), BreakAndReturn("2024-02-01", "2024-05-01", "2025-03-31"), Policy);

        var instalments = schedule.Payments.Where(p => p.Kind == Instalment).ToList();
        Assert.Equal([1_000m, 1_000m, 1_000m, 1_000m], instalments.Take(4).Select(p => p.Amount));
        Assert.Equal(Enumerable.Range(5, 11), instalments.Skip(4).Select(p => p.Number));
        Assert.All(instalments.Skip(4).SkipLast(1), p => Assert.Equal(727.27m, p.Amount));
        Assert.Equal((M("2024-05"), M("2025-03")), (instalments[4].EarnedMonth, instalments[^1].EarnedMonth));
        Assert.Equal(("2025-03", 3_000m), (schedule.Payments[^1].EarnedMonth.ToString(), schedule.Payments[^1].Amount));
    }

    [Fact]
    public void Completing_after_a_return_pays_the_balance_of_the_re_spread_amount()
    {
        var events = BreakAndReturn("2024-02-01", "2024-05-01", "2025-03-31").Append(new CommitmentEvent(CommitmentEventKind.Completion, D("2024-12-10")));

        var schedule = PaymentSchedule.Build(Commitment(15_000m, "2023-10-01", "2024-09-30"), events.ToList(), Policy);

        var balancing = schedule.Payments.Single(p => p.Kind == Balancing);
        Assert.Equal((M("2024-12"), 12_000m), (balancing.EarnedMonth, schedule.Payments.Where(p => p.Kind != Completion).Sum(p => p.Amount)));
    }

    [Fact]
    public void Incentive_parts_due_after_the_break_move_by_its_length_and_are_checked_against_the_new_end()
    {
        // 17 at the start: parts due at start + 89 (2026-11-29) and + 364 days (2027-08-31). A 61-day break
        // (2026-10-15 to 2026-12-15) moves both by 61 days.
        var commitment = Commitment(9_000m, "2026-09-01", "2027-08-31", age: 17);

        var extended = Incentives.For(commitment, BreakAndReturn("2026-10-15", "2026-12-15", "2027-10-31"), Policy);
        var sameEnd = Incentives.For(commitment, BreakAndReturn("2026-10-15", "2026-12-15", "2027-08-31"), Policy);

        Assert.Equal([(D("2027-01-29"), IncentiveStatus.Payable), (D("2027-10-31"), IncentiveStatus.Payable)],
            extended.Where(i => i.Payee == IncentivePayee.Employer).Select(i => (i.DueDate, i.Status)));
        Assert.Equal(IncentiveStatus.AfterPlannedEnd, sameEnd.Single(i => i.Payee == IncentivePayee.Employer && i.Part == 2).Status);
    }

    [Theory]
    [InlineData(null, "2027-01-10", "2027-10-31", "no break")]
    [InlineData("2026-10-15", "2026-10-15", "2027-10-31", "after the break")]
    [InlineData("2026-10-15", "2027-01-10", "2027-01-10", "new planned end")]
    public void A_return_needs_a_break_before_it_and_an_end_after_it(string? pause, string back, string newEnd, string reason)
    {
        var events = pause is null ? new List<CommitmentEvent>() : [new CommitmentEvent(CommitmentEventKind.BreakInLearning, D(pause))];

        var refusal = CommitmentLifecycle.Refusal(events, new CommitmentEvent(CommitmentEventKind.ReturnFromBreak, D(back), D(newEnd)));

        Assert.Contains(reason, refusal);
    }
}
