namespace Apprenticeships.Domain.Levy.Account;

/// <summary>
/// An employer with a levy account: a levy payer (the council) or a non-levy employer such
/// as a care provider that receives transfers. SME status is recorded for the hub's reports; no
/// funding rule looks at it, full government funding going by not paying the levy (docs/levy-rules.md).
/// </summary>
public sealed record LevyEmployer(string Id, string Name, bool IsLevyPayer, bool IsSme);
