namespace Apprenticeships.Domain.Levy.Ledger;

/// <summary>An amount in a month: funds in (negative for a refund), transfers in or out.</summary>
public readonly record struct MonthAmount(YearMonth Month, decimal Amount);

/// <summary>A payment to a provider due in a month, and the employer's share of any part the account cannot cover.</summary>
public readonly record struct PaymentDue(YearMonth Month, decimal Amount, decimal EmployerShareOfShortfall);

/// <summary>Everything that moves money in or out of one account.</summary>
public sealed record LedgerInput(
    IReadOnlyList<MonthAmount> FundsIn,
    IReadOnlyList<MonthAmount> TransfersIn,
    IReadOnlyList<PaymentDue> Payments,
    IReadOnlyList<MonthAmount> TransfersOut);
