using Apprenticeships.Domain.Levy.Commitments;
using Apprenticeships.Domain.Levy.Declarations;
using Apprenticeships.Domain.Levy.Ledger;
using Apprenticeships.Domain.Levy.Policy;

namespace Apprenticeships.Domain.Levy.Account;

/// <summary>Turns an employer's stored records into the ledger's monthly money movements.</summary>
public static class AccountLedgerInput
{
    public static LedgerInput From(AccountRecords records, IReadOnlyList<FundsInEntry> fundsIn, FundingPolicy policy,
        IEnumerable<Commitment>? extraCommitments = null)
    {
        var payments = new List<PaymentDue>();
        foreach (var record in records.Commitments)
        {
            AddPayments(payments, record.Commitment, record.Events, records.Employer, policy);
        }
        foreach (var extra in extraCommitments ?? [])
        {
            AddPayments(payments, extra, [], records.Employer, policy);
        }
        return new LedgerInput(
            fundsIn.Select(f => new MonthAmount(f.Month, f.Amount)).ToList(),
            records.TransfersIn.Select(t => new MonthAmount(t.Month, t.Amount)).ToList(),
            payments,
            records.TransfersOut.Select(t => new MonthAmount(t.Month, t.Amount)).ToList());
    }

    public static IReadOnlyList<FundsInEntry> FundsIn(AccountRecords records, FundingPolicy policy) =>
        records.Employer.IsLevyPayer
            ? LevyFundsIn.Calculate(records.Declarations, records.EnglishFractions, policy)
            : [];

    /// <summary>The first month anything happens in the account, or null when nothing does.</summary>
    public static YearMonth? FirstMonth(LedgerInput input)
    {
        YearMonth? first = null;
        void Consider(YearMonth m) => first = first is { } f ? YearMonth.Min(f, m) : m;
        foreach (var a in input.FundsIn) Consider(a.Month);
        foreach (var a in input.TransfersIn) Consider(a.Month);
        foreach (var a in input.TransfersOut) Consider(a.Month);
        foreach (var p in input.Payments) Consider(p.Month);
        return first;
    }

    private static void AddPayments(List<PaymentDue> payments, Commitment commitment, IReadOnlyCollection<CommitmentEvent> events,
        LevyEmployer employer, FundingPolicy policy)
    {
        var share = CoInvestment.EmployerShare(commitment, employer, policy);
        foreach (var p in PaymentSchedule.Build(commitment, events, policy).Payments)
        {
            payments.Add(new PaymentDue(p.PaidMonth, p.Amount, share));
        }
    }
}
