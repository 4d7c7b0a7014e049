using Apprenticeships.Domain.Levy.Account;
using Apprenticeships.Domain.Levy.Commitments;
using Apprenticeships.Domain.Levy.Ledger;
using Apprenticeships.Domain.Levy.Policy;

namespace Apprenticeships.Domain.Levy.Forecast;

/// <summary>
/// The account projected for months 0..N from a month [DAS forecasting tool]: actual history
/// up to it, then flat levy, the commitments' schedules (completion assumed on the planned
/// end date), recorded transfers, FIFO expiry and co-investment of any shortfall.
/// "Additional apprentices": the most apprentices at the band, all starting in month 1 and
/// lasting the minimum duration, that need no co-investment (nor push any existing
/// apprentice into it), their total price being no more than the money expiring in the
/// window, so they are paid for with money that would otherwise expire.
/// </summary>
public static class LevyForecast
{
    // The extra apprentices are adults with no EHC plan or care-leaver status: past every
    // age-based route to incentives or full funding, so the count is about levy money only.
    private const int AdultApprenticeAge = 25;

    public static ForecastResult Project(AccountRecords records, YearMonth from, int months, decimal band, FundingPolicy policy)
    {
        var to = from.AddMonths(months);
        var fundsIn = ProjectedFundsIn.Add(AccountLedgerInput.FundsIn(records, policy), records.EnglishFractions, to, policy);
        var input = AccountLedgerInput.From(records, fundsIn, policy);
        var first = AccountLedgerInput.FirstMonth(input) is { } f && f < from ? f : from;

        var baseline = Window(LevyLedger.Run(input, first, to, policy), from);
        var expiring = baseline.Sum(m => m.Expired);
        var shortfall = Shortfall(baseline);

        // The extra apprentices are identical, so k of them pay k times one schedule: each trial
        // reruns only the ledger, with the baseline's payments plus those.
        var one = Hypothetical(records.Employer.Id, from.AddMonths(1), band, policy);
        var share = CoInvestment.EmployerShare(one, records.Employer, policy);
        var onePayments = PaymentSchedule.Build(one, [], policy).Payments;
        IReadOnlyList<LedgerMonth> With(int k)
        {
            var payments = new List<PaymentDue>(input.Payments.Count + onePayments.Count);
            payments.AddRange(input.Payments);
            payments.AddRange(onePayments.Select(p => new PaymentDue(p.PaidMonth, p.Amount * k, share)));
            return Window(LevyLedger.Run(input with { Payments = payments }, first, to, policy), from);
        }

        // Shortfall only grows with k, so the largest k needing no co-investment is found by
        // bisection, k never going past what the expiring money could pay for.
        int low = 0, high = band <= 0 ? 0 : (int)Math.Floor(expiring / band);
        var expiringWithExtra = expiring;
        while (low < high)
        {
            var k = (low + high + 1) / 2;
            var trial = With(k);
            if (Shortfall(trial) > shortfall) high = k - 1;
            else (low, expiringWithExtra) = (k, trial.Sum(m => m.Expired));
        }
        var extra = low;
        if (extra > 0 && expiringWithExtra == expiring) extra = 0;   // they would not touch expiring money
        else if (extra > 0) expiringWithExtra = With(extra).Sum(m => m.Expired);

        var firstExpiry = baseline.FirstOrDefault(m => m.Expired > 0)?.Month;
        return new ForecastResult(records.Employer.Id, from, baseline, expiring, firstExpiry, band, extra, expiringWithExtra);
    }

    private static Commitment Hypothetical(string employerId, YearMonth start, decimal band, FundingPolicy policy)
    {
        var duration = policy.MinimumDurationMonths.At(start.FirstDay);
        return new Commitment("additional", employerId, band, band, start.FirstDay,
            start.AddMonths(duration - 1).LastDay, ApprenticeAgeAtStart: AdultApprenticeAge, HasEhcPlan: false, IsCareLeaver: false);
    }

    private static IReadOnlyList<LedgerMonth> Window(IReadOnlyList<LedgerMonth> months, YearMonth from) =>
        months.SkipWhile(m => m.Month < from).ToList();

    private static decimal Shortfall(IReadOnlyList<LedgerMonth> months) =>
        months.Sum(m => m.EmployerCoInvestment + m.GovernmentCoInvestment);
}
