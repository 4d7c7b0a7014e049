using Apprenticeships.Domain.Levy.Ledger;

namespace Apprenticeships.Domain.Levy.Forecast;

/// <summary>
/// Months 0..N of a projected account, and the finance officer's headline: how much
/// expires, from when, and how many more apprentices at a band would use it.
/// </summary>
public sealed record ForecastResult(
    string EmployerId,
    YearMonth From,
    IReadOnlyList<LedgerMonth> Months,
    decimal TotalExpiring,
    YearMonth? FirstExpiryMonth,
    decimal Band,
    int AdditionalApprentices,
    decimal ExpiringWithAdditionalApprentices);
