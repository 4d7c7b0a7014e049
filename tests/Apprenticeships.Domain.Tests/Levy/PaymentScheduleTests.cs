using Apprenticeships.Domain.Levy.Commitments;
using Apprenticeships.Domain.Levy.Policy;
using static Apprenticeships.Domain.Levy.Commitments.PaymentKind;
using static Apprenticeships.Domain.Tests.Levy.TestData;

namespace Apprenticeships.Domain.Tests.Levy;

/// <summary>Provider payment schedules, written as the month-by-month tables a finance officer would check.</summary>
public class PaymentScheduleTests
{
    private static readonly FundingPolicy Policy = FundingPolicy.England;

    private static void AssertSchedule(PaymentSchedule.Result schedule, params (string Earned, string Paid, PaymentKind Kind, decimal Amount)[] table)
    {
        Assert.Equal(
            table.Select(r => $"{r.Earned} {r.Paid} {r.Kind} {r.Amount:0.00}"),
            schedule.Payments.Select(p => $"{p.EarnedMonth} {p.PaidMonth} {p.Kind} {p.Amount:0.00}"));
    }

    [Fact]
    public void Twelve_months_ending_on_a_month_end_pay_twelve_equal_instalments_then_completion()
    {
        // £9,000 within the band: 80% = £7,200 over 12 months, 20% = £1,800 on completion.
        var schedule = PaymentSchedule.Build(Commitment(9_000m, "2026-09-01", "2027-08-31"), [], Policy);

        AssertSchedule(schedule,
            // earned    paid       kind         amount
            ("2026-09", "2026-10", Instalment, 600.00m),
            ("2026-10", "2026-11", Instalment, 600.00m),
            ("2026-11", "2026-12", Instalment, 600.00m),
            ("2026-12", "2027-01", Instalment, 600.00m),
            ("2027-01", "2027-02", Instalment, 600.00m),
            ("2027-02", "2027-03", Instalment, 600.00m),
            ("2027-03", "2027-04", Instalment, 600.00m),
            ("2027-04", "2027-05", Instalment, 600.00m),
            ("2027-05", "2027-06", Instalment, 600.00m),
            ("2027-06", "2027-07", Instalment, 600.00m),
            ("2027-07", "2027-08", Instalment, 600.00m),
            ("2027-08", "2027-09", Instalment, 600.00m),
            ("2027-08", "2027-09", Completion, 1_800.00m));
    }

    [Fact]
    public void An_end_date_mid_month_makes_the_month_before_the_last_instalment_and_the_last_takes_the_pence()
    {
        // £7,000: £5,600 over Sep 2026..Aug 2027 (12 months) = £466.66 each, the last £466.74.
        var schedule = PaymentSchedule.Build(Commitment(7_000m, "2026-09-15", "2027-09-14"), [], Policy);

        Assert.Equal(12, schedule.PlannedInstalments);
        AssertSchedule(schedule,
            ("2026-09", "2026-10", Instalment, 466.66m),
            ("2026-10", "2026-11", Instalment, 466.66m),
            ("2026-11", "2026-12", Instalment, 466.66m),
            ("2026-12", "2027-01", Instalment, 466.66m),
            ("2027-01", "2027-02", Instalment, 466.66m),
            ("2027-02", "2027-03", Instalment, 466.66m),
            ("2027-03", "2027-04", Instalment, 466.66m),
            ("2027-04", "2027-05", Instalment, 466.66m),
            ("2027-05", "2027-06", Instalment, 466.66m),
            ("2027-06", "2027-07", Instalment, 466.66m),
            ("2027-07", "2027-08", Instalment, 466.66m),
            ("2027-08", "2027-09", Instalment, 466.74m),
            ("2027-09", "2027-10", Completion, 1_400.00m));
    }

    [Fact]
    public void The_price_is_capped_at_the_funding_band_maximum()
    {
        var schedule = PaymentSchedule.Build(Commitment(30_000m, "2026-09-01", "2027-08-31", band: 27_000m), [], Policy);

        Assert.Equal(27_000m, schedule.CappedPrice);
        Assert.Equal(1_800m, schedule.MonthlyInstalment);   // £21,600 / 12
        Assert.Equal(27_000m, schedule.Payments.Sum(p => p.Amount));
    }

    [Fact]
    public void Early_completion_pays_the_unpaid_on_programme_amount_as_a_balancing_payment_with_completion()
    {
        var events = new[] { new CommitmentEvent(CommitmentEventKind.Completion, D("2027-03-10")) };

        var schedule = PaymentSchedule.Build(Commitment(9_000m, "2026-09-01", "2027-08-31"), events, Policy);

        AssertSchedule(schedule,
            ("2026-09", "2026-10", Instalment, 600.00m),
            ("2026-10", "2026-11", Instalment, 600.00m),
            ("2026-11", "2026-12", Instalment, 600.00m),
            ("2026-12", "2027-01", Instalment, 600.00m),
            ("2027-01", "2027-02", Instalment, 600.00m),
            ("2027-02", "2027-03", Instalment, 600.00m),
            ("2027-03", "2027-04", Balancing, 3_600.00m),
            ("2027-03", "2027-04", Completion, 1_800.00m));
    }

    [Fact]
    public void Withdrawal_stops_instalments_after_the_last_month_end_in_learning_and_pays_no_completion()
    {
        var events = new[] { new CommitmentEvent(CommitmentEventKind.Withdrawal, D("2026-12-15")) };

        var schedule = PaymentSchedule.Build(Commitment(9_000m, "2026-09-01", "2027-08-31"), events, Policy);

        AssertSchedule(schedule,
            ("2026-09", "2026-10", Instalment, 600.00m),
            ("2026-10", "2026-11", Instalment, 600.00m),
            ("2026-11", "2026-12", Instalment, 600.00m));
    }

    [Fact]
    public void A_break_in_learning_on_a_month_end_still_earns_that_month()
    {
        var events = new[] { new CommitmentEvent(CommitmentEventKind.BreakInLearning, D("2026-10-31")) };

        var schedule = PaymentSchedule.Build(Commitment(9_000m, "2026-09-01", "2027-08-31"), events, Policy);

        AssertSchedule(schedule,
            ("2026-09", "2026-10", Instalment, 600.00m),
            ("2026-10", "2026-11", Instalment, 600.00m));
    }
}
