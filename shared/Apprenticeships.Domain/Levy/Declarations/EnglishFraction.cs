namespace Apprenticeships.Domain.Levy.Declarations;

/// <summary>
/// The share of an employer's pay bill paid to employees living in England, as HMRC
/// calculates it on a date. Only that share of the levy funds English apprenticeships.
/// </summary>
public sealed record EnglishFraction(DateOnly DateCalculated, decimal Fraction);
