namespace Apprenticeships.Domain.Levy.Ledger;

/// <summary>
/// One month of a levy account. PaymentsDue is what providers were owed; LevyPayments is
/// the part taken from the account, the rest being co-investment. Expired is the month's
/// total expiry; ExpiredUnder12MonthRule is the part of it from funds that entered under the
/// 12-month expiry period (from August 2026), the rest expired under the 24-month period,
/// because DAS records the two as separate transactions and a finance officer asks which
/// rule cost them the money (see docs/levy-rules.md). Balance is at month end.
/// </summary>
public sealed record LedgerMonth(
    YearMonth Month,
    decimal FundsIn,
    decimal TransfersIn,
    decimal PaymentsDue,
    decimal LevyPayments,
    decimal EmployerCoInvestment,
    decimal GovernmentCoInvestment,
    decimal TransfersOut,
    decimal Expired,
    decimal Balance,
    decimal ExpiredUnder12MonthRule = 0)
{
    /// <summary>The part of Expired from funds that entered under the 24-month expiry period.</summary>
    public decimal ExpiredUnder24MonthRule => Expired - ExpiredUnder12MonthRule;
}
