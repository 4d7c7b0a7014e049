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
/// lasting the minimum duration, that can be added while each one further reduces what
/// expires in the window and none of them needs co-investment (so they are paid for with
/// money that would otherwise expire).
/// </summary>
public static class LevyForecast
{
    public static ForecastResult Project(AccountRecords records, YearMonth from, int months, decimal band, FundingPolicy policy)
    {
        var to = from.AddMonths(months);
        var fundsIn = ProjectedFundsIn.Add(AccountLedgerInput.FundsIn(records, policy), records.EnglishFractions, to, policy);
        var input = AccountLedgerInput.From(records, fundsIn, policy);
        var first = AccountLedgerInput.FirstMonth(input) is { } f && f < from ? f : from;

        var baseline = Window(LevyLedger.Run(input, first, to, policy), from);
        var expiring = baseline.Sum(m => m.Expired);
        var shortfall = Shortfall(baseline);

        var extra = 0;
        var expiringWithExtra = expiring;
        var hypothetical = new List<Commitment>();
        // Each extra apprentice costs at least band x (1 - completion share) in the window, so
        // more than expiring / that can never all be paid from expiring money: a hard bound.
        var bound = band <= 0 ? 0 : (int)Math.Ceiling(expiring / band / (1 - policy.CompletionShare.At(from.FirstDay))) + 1;
        while (expiringWithExtra > 0 && extra < bound)
        {
            hypothetical.Add(Hypothetical(records.Employer.Id, hypothetical.Count, from.AddMonths(1), band, policy));
            var trial = Window(LevyLedger.Run(AccountLedgerInput.From(records, fundsIn, policy, hypothetical), first, to, policy), from);
            var trialExpiring = trial.Sum(m => m.Expired);
            if (Shortfall(trial) > shortfall || trialExpiring >= expiringWithExtra) break;
            extra++;
            expiringWithExtra = trialExpiring;
        }

        var firstExpiry = baseline.FirstOrDefault(m => m.Expired > 0)?.Month;
        return new ForecastResult(records.Employer.Id, from, baseline, expiring, firstExpiry, band, extra, expiringWithExtra);
    }

    private static Commitment Hypothetical(string employerId, int n, YearMonth start, decimal band, FundingPolicy policy)
    {
        var duration = policy.MinimumDurationMonths.At(start.FirstDay);
        return new Commitment($"additional-{n}", employerId, band, band, start.FirstDay,
            // An adult without EHC plan or care-leaver status: no incentives, no 100% funding to skew the count.
            start.AddMonths(duration - 1).LastDay, ApprenticeAgeAtStart: 25, HasEhcPlan: false, IsCareLeaver: false);
    }

    private static IReadOnlyList<LedgerMonth> Window(IReadOnlyList<LedgerMonth> months, YearMonth from) =>
        months.SkipWhile(m => m.Month < from).ToList();

    private static decimal Shortfall(IReadOnlyList<LedgerMonth> months) =>
        months.Sum(m => m.EmployerCoInvestment + m.GovernmentCoInvestment);
}
