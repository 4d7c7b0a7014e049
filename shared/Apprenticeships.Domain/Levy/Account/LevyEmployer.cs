namespace Apprenticeships.Domain.Levy.Account;

/// <summary>
/// An employer with a levy account: a levy payer (the council) or a non-levy employer such
/// as a care provider that receives transfers. SME status matters for 100% government funding.
/// </summary>
public sealed record LevyEmployer(string Id, string Name, bool IsLevyPayer, bool IsSme);
