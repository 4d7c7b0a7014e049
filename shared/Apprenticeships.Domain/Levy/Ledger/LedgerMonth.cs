namespace Apprenticeships.Domain.Levy.Ledger;

/// <summary>
/// One month of a levy account. PaymentsDue is what providers were owed; LevyPayments is
/// the part taken from the account, the rest being co-investment. Balance is at month end.
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
    decimal Balance);
