using Apprenticeships.Domain.Levy.Ledger;

namespace Apprenticeships.Application.Finance.Models;

/// <summary>
/// One month of an account; amounts in pounds, month "YYYY-MM". PaymentsDue is what providers
/// earned payment for; PaidFromLevy the part taken from the account, the rest being co-investment.
/// </summary>
public sealed record AccountMonthResponse(
    string Month,
    decimal FundsIn,
    decimal TransfersIn,
    decimal PaymentsDue,
    decimal PaidFromLevy,
    decimal EmployerCoInvestment,
    decimal GovernmentCoInvestment,
    decimal TransfersOut,
    decimal Expired,
    decimal Balance)
{
    public static AccountMonthResponse From(LedgerMonth m) => new(m.Month.ToString(), m.FundsIn, m.TransfersIn, m.PaymentsDue,
        m.LevyPayments, m.EmployerCoInvestment, m.GovernmentCoInvestment, m.TransfersOut, m.Expired, m.Balance);
}

public sealed record AccountTotals(decimal FundsIn, decimal TransfersIn, decimal PaymentsDue, decimal PaidFromLevy, decimal EmployerCoInvestment,
    decimal GovernmentCoInvestment, decimal TransfersOut, decimal Expired);

public sealed record AccountResponse(string EmployerId, string AsOf, decimal Balance, AccountTotals Totals,
    IReadOnlyList<AccountMonthResponse> Months);

/// <summary>Months 0..N; the headline is how much expires, from when, and how many more apprentices at the band would use it.</summary>
public sealed record ForecastResponse(
    string EmployerId,
    string From,
    int Months,
    decimal TotalExpiring,
    string? FirstExpiryMonth,
    decimal Band,
    int AdditionalApprentices,
    decimal ExpiringWithAdditionalApprentices,
    IReadOnlyList<AccountMonthResponse> Projection);
