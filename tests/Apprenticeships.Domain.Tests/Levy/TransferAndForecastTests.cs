using Apprenticeships.Domain.Levy.Account;
using Apprenticeships.Domain.Levy.Declarations;
using Apprenticeships.Domain.Levy.Forecast;
using Apprenticeships.Domain.Levy.Policy;
using static Apprenticeships.Domain.Tests.Levy.TestData;

namespace Apprenticeships.Domain.Tests.Levy;

public class TransferAndForecastTests
{
    private static readonly FundingPolicy Policy = FundingPolicy.England;

    /// <summary>25-26 payroll months 1..11 declared on time: £1,100 a month enters May 2025..Mar 2026 (£12,100 in 25-26).</summary>
    private static LevyDeclaration[] PreviousYear() =>
        Enumerable.Range(1, 11).Select(m => Declaration("25-26", m, 1_000m * m,
            $"{PeriodOf("25-26", m).CalendarMonth.AddMonths(1)}-15")).ToArray();

    [Fact]
    public void A_levy_payer_may_transfer_half_of_last_years_funds_in_less_what_it_already_sent()
    {
        var records = Records(Council, PreviousYear());
        var allowance = TransferAllowance.For(records, D("2026-09-01"), Policy);
        Assert.Equal((12_100m, 0.5m, 6_050m), (allowance.PreviousYearFundsIn, allowance.Share, allowance.Allowance));

        Assert.Null(TransferAllowance.Refusal(records, new Transfer("t1", "council", "care", D("2026-09-01"), 6_050m), Policy));

        var afterOne = records with { TransfersOut = [new Transfer("t1", "council", "care", D("2026-06-01"), 6_000m)] };
        var refusal = TransferAllowance.Refusal(afterOne, new Transfer("t2", "council", "care", D("2026-09-01"), 100m), Policy);
        Assert.Equal("Transfer of £100.00 is over the transfer allowance: 50% of 25-26 funds in (£12,100.00) is £6,050.00, " +
                     "less £6,000.00 already transferred in 26-27, leaves £50.00.", refusal);
    }

    [Fact]
    public void The_transfer_share_was_a_quarter_before_22_April_2024()
    {
        Assert.Equal(0.25m, Policy.TransferAllowanceShare.At(D("2024-04-21")));
        Assert.Equal(0.10m, Policy.TransferAllowanceShare.At(D("2018-06-01")));
    }

    [Fact]
    public void A_non_levy_employer_cannot_transfer()
    {
        Assert.Equal("Only a levy payer can transfer levy funds.",
            TransferAllowance.Refusal(Records(CareProvider), new Transfer("t", "care", "x", D("2026-09-01"), 1m), Policy));
    }

    [Fact]
    public void A_transfer_leaves_the_sender_and_arrives_with_the_receiver()
    {
        var transfer = new Transfer("t1", "council", "care", D("2026-06-10"), 500m);
        var sender = LevyAccount.AsOf(Records(Council, PreviousYear(), transfersOut: [transfer]), M("2026-06"), Policy);
        var receiver = LevyAccount.AsOf(Records(CareProvider, transfersIn: [transfer]), M("2026-06"), Policy);

        Assert.Equal(12_100m - 500m, sender.Balance);
        Assert.Equal(500m, sender.TotalTransfersOut);
        Assert.Equal(500m, receiver.Balance);
    }

    [Fact]
    public void The_forecast_shows_flat_levy_expiring_and_how_many_apprentices_would_use_it()
    {
        // 26-27 months 1..3 at £10,000 levy a month: £11,000 enters May..Jul 2026 with the top-up,
        // then the forecast assumes £10,000 a month without it (top-up 0% from August 2026).
        var declarations = Enumerable.Range(1, 3)
            .Select(m => Declaration("26-27", m, 10_000m * m, $"{PeriodOf("26-27", m).CalendarMonth.AddMonths(1)}-15")).ToArray();
        var records = Records(Council, declarations);

        var forecast = LevyForecast.Project(records, M("2026-08"), 48, 15_000m, Policy);

        Assert.Equal(49, forecast.Months.Count);
        Assert.Equal(M("2030-08"), forecast.Months[^1].Month);
        Assert.Equal(10_000m, forecast.Months.Single(m => m.Month == M("2026-09")).FundsIn);
        // Funds entering from August 2026 expire after 12 months, earlier funds after 24 (written answer
        // to Parliament, 11 Feb 2026; DAS FundsExpiryPolicyChangeDate 2026-08-01): August 2026's £10,000
        // expires first, in August 2027, and May 2026's £11,000 in May 2028, with May 2027's £10,000.
        Assert.Equal(M("2027-08"), forecast.FirstExpiryMonth);
        Assert.Equal(10_000m, forecast.Months.Single(m => m.Month == M("2027-08")).Expired);
        var may2028 = forecast.Months.Single(m => m.Month == M("2028-05"));
        Assert.Equal((11_000m, 10_000m), (may2028.ExpiredUnder24MonthRule, may2028.ExpiredUnder12MonthRule));
        Assert.Equal(3 * 11_000m + 37 * 10_000m, forecast.TotalExpiring);

        Assert.True(forecast.AdditionalApprentices > 0);
        Assert.True(forecast.ExpiringWithAdditionalApprentices < forecast.TotalExpiring);
        // One more would either need co-investment or cost more than what expires.
        var more = Enumerable.Range(0, forecast.AdditionalApprentices + 1)
            .Select(i => new CommitmentRecord(Commitment(15_000m, "2026-09-01", "2027-08-31", band: 15_000m, id: $"x{i}"), []))
            .ToList();
        var withMore = LevyForecast.Project(records with { Commitments = more }, M("2026-08"), 48, 15_000m, Policy);
        Assert.True(withMore.Months.Sum(m => m.EmployerCoInvestment + m.GovernmentCoInvestment) > 0
                    || more.Count * 15_000m > forecast.TotalExpiring);
        var withThem = LevyForecast.Project(records with { Commitments = more.Skip(1).ToList() }, M("2026-08"), 48, 15_000m, Policy);
        Assert.Equal(0m, withThem.Months.Sum(m => m.EmployerCoInvestment + m.GovernmentCoInvestment));
        Assert.Equal(forecast.ExpiringWithAdditionalApprentices, withThem.TotalExpiring);
    }

    [Fact]
    public void The_forecast_co_invests_a_shortfall_at_the_rule_in_force()
    {
        // A care provider with no levy: every payment is co-invested 5% / 95%.
        var commitment = Commitment(9_000m, "2026-09-01", "2027-08-31", age: 30, employer: "care");
        var forecast = LevyForecast.Project(Records(CareProvider, commitments: [new CommitmentRecord(commitment, [])]),
            M("2026-09"), 12, 9_000m, Policy);

        var october = forecast.Months.Single(m => m.Month == M("2026-10"));
        Assert.Equal((600m, 0m, 30m, 570m), (october.PaymentsDue, october.LevyPayments, october.EmployerCoInvestment, october.GovernmentCoInvestment));
        Assert.Equal(0, forecast.AdditionalApprentices);
    }
}
