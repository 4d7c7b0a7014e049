using Apprenticeships.Domain.Levy.Ledger;
using Apprenticeships.Domain.Levy.Policy;

namespace Apprenticeships.Domain.Levy.Account;

/// <summary>An employer's levy account month by month up to a month, computed from its records.</summary>
public sealed record LevyAccountStatement(string EmployerId, YearMonth AsOf, decimal Balance, IReadOnlyList<LedgerMonth> Months)
{
    public decimal TotalFundsIn => Months.Sum(m => m.FundsIn);
    public decimal TotalTransfersIn => Months.Sum(m => m.TransfersIn);
    public decimal TotalLevyPayments => Months.Sum(m => m.LevyPayments);
    public decimal TotalEmployerCoInvestment => Months.Sum(m => m.EmployerCoInvestment);
    public decimal TotalGovernmentCoInvestment => Months.Sum(m => m.GovernmentCoInvestment);
    public decimal TotalTransfersOut => Months.Sum(m => m.TransfersOut);
    public decimal TotalExpired => Months.Sum(m => m.Expired);
}

public static class LevyAccount
{
    /// <summary>The account from its first movement to <paramref name="asOf"/> inclusive.</summary>
    public static LevyAccountStatement AsOf(AccountRecords records, YearMonth asOf, FundingPolicy policy)
    {
        var input = AccountLedgerInput.From(records, AccountLedgerInput.FundsIn(records, policy), policy);
        var first = AccountLedgerInput.FirstMonth(input) is { } f && f <= asOf ? f : asOf;
        var months = LevyLedger.Run(input, first, asOf, policy);
        return new LevyAccountStatement(records.Employer.Id, asOf, months.Count == 0 ? 0 : months[^1].Balance, months);
    }
}
