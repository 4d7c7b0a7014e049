using Apprenticeships.Domain.Levy;
using Apprenticeships.Domain.Levy.Ledger;
using Apprenticeships.Domain.Levy.Policy;
using FsCheck.Xunit;

namespace Apprenticeships.Domain.Tests.Levy;

/// <summary>The official expiry rule (DfE help "Expired funds"), checked on generated accounts.</summary>
public class ExpiryProperties
{
    private static readonly FundingPolicy Policy = FundingPolicy.England;
    private const int Months = 60;

    private static MonthAmount[] FundsIn(YearMonth from, int[] raw) =>
        raw.Take(Months).Select((r, i) => new MonthAmount(from.AddMonths(i), Math.Abs(r % 500_000) / 100m)).ToArray();

    private static PaymentDue[] Payments(YearMonth from, int[] raw) =>
        raw.Take(Months).Select((r, i) => new PaymentDue(from.AddMonths(i), Math.Abs(r % 400_000) / 100m, 0.05m)).ToArray();

    [Property(MaxTest = 300)]
    public bool Each_month_expires_funds_24_months_old_less_spending_to_date_less_already_expired(int[] fundsIn, int[] payments)
    {
        // 2018-2022: every fund is under the 24-month period, so the help page's formula applies as written:
        // expired(m) = max(0, funds in up to m - 24 - payments to date including m - expired before m).
        var from = new YearMonth(2018, 1);
        var funds = FundsIn(from, fundsIn);
        var months = LevyLedger.Run(new LedgerInput(funds, [], Payments(from, payments), []), from, from.AddMonths(Months - 1), Policy);

        decimal spentToDate = 0, expiredBefore = 0;
        foreach (var m in months)
        {
            spentToDate += m.LevyPayments;
            var oldEnough = funds.Where(f => f.Month <= m.Month.AddMonths(-24)).Sum(f => f.Amount);
            if (m.Expired != Math.Max(0, oldEnough - spentToDate - expiredBefore)) return false;
            if (m.ExpiredUnder12MonthRule != 0) return false;
            expiredBefore += m.Expired;
        }
        return true;
    }

    [Property(MaxTest = 300)]
    public bool Spending_more_in_a_month_never_increases_what_expires(int[] fundsIn, int[] payments, int month, int extra)
    {
        // From 2025-01 the window crosses August 2026, so 24- and 12-month funds mix.
        var from = new YearMonth(2025, 1);
        var to = from.AddMonths(Months - 1);
        var input = new LedgerInput(FundsIn(from, fundsIn), [], Payments(from, payments), []);
        var spendMonth = from.AddMonths(Math.Abs(month % Months));
        var more = input with { Payments = [.. input.Payments, new PaymentDue(spendMonth, 1 + Math.Abs(extra % 300_000) / 100m, 0.05m)] };

        var before = LevyLedger.Run(input, from, to, Policy);
        var after = LevyLedger.Run(more, from, to, Policy);

        var k = from.MonthsUntil(spendMonth);
        return after[k].Expired <= before[k].Expired
               && after.Sum(m => m.Expired) <= before.Sum(m => m.Expired)
               && after.Zip(before).All(p => p.First.Expired <= p.Second.Expired);
    }
}
