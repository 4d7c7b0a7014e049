namespace Apprenticeships.Domain.Levy.Liability;

/// <summary>One tax month of a PAYE scheme's levy, HMRC's cumulative way (ALM09200).</summary>
public sealed record LevyLiabilityMonth(
    int TaxMonth,
    decimal PayBillToDate,
    decimal AllowanceToDate,
    decimal LevyDueYtd,
    decimal LevyForMonth);
