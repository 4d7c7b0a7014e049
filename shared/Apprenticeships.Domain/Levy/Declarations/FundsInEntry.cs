namespace Apprenticeships.Domain.Levy.Declarations;

/// <summary>
/// Levy funds entering the account in a month from one PAYE scheme's declaration: the
/// month's levy (change in LevyDueYTD), the English fraction and top-up applied, and the
/// amount in pounds (negative for a refund). <see cref="SubmittedAt"/> identifies the declaration
/// it came from (default for projected funds).
/// </summary>
public sealed record FundsInEntry(
    YearMonth Month,
    string PayeScheme,
    PayrollPeriod Period,
    decimal Levy,
    decimal EnglishFraction,
    decimal TopUp,
    decimal Amount,
    bool IsYearEndAdjustment)
{
    public DateTime SubmittedAt { get; init; }
}
