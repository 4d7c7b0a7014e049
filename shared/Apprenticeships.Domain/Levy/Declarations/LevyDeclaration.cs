namespace Apprenticeships.Domain.Levy.Declarations;

/// <summary>
/// A levy declaration as HMRC passes it on: one PAYE scheme's cumulative levy due for the
/// tax year to date (LevyDueYTD) at a payroll month, and when it was submitted. An employer
/// may submit several for one month; <see cref="LevyFundsIn"/> decides which counts. When the
/// employer gave its monthly pay bill instead, <see cref="PayBill"/> keeps it and LevyDueYTD is
/// HMRC's calculation from the pay bills to date (<see cref="Liability.LevyLiability"/>).
/// </summary>
public sealed record LevyDeclaration(string PayeScheme, PayrollPeriod Period, decimal LevyDueYtd, DateTime SubmittedAt, decimal? PayBill = null);
