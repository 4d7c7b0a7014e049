namespace Apprenticeships.Application.Finance.Models;

/// <summary>
/// POST /api/finance/employers. The caller chooses the id, so re-posting is harmless. It creates the
/// employer's one record (the same as POST /api/employers), or finds it when already there.
/// </summary>
public sealed record AddEmployer(string? EmployerId, string? Name, bool? IsLevyPayer, bool? IsSme);

public sealed record EmployerResponse(string EmployerId, string Name, bool IsLevyPayer, bool IsSme);

/// <summary>
/// A declaration with exactly one of: HMRC's cumulative levy due this tax year to the payroll
/// month, or the month's pay bill, from which the levy due to date is worked out HMRC's way.
/// </summary>
public sealed record AddLevyDeclaration(string? PayeScheme, string? PayrollYear, int? PayrollMonth, decimal? LevyDueYtd, string? SubmissionDate,
    decimal? PayBill = null);

public sealed record DeclarationResponse(string EmployerId, string PayeScheme, string PayrollYear, int PayrollMonth,
    decimal LevyDueYtd, DateTimeOffset SubmissionDate, string CutOffDate, bool OnTime, decimal? PayBill = null);

public sealed record AddEnglishFraction(string? DateCalculated, decimal? Fraction);

public sealed record EnglishFractionResponse(string EmployerId, DateOnly DateCalculated, decimal Fraction);
