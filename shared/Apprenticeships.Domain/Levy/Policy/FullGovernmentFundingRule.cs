namespace Apprenticeships.Domain.Levy.Policy;

/// <summary>
/// When the government pays 100% of a non-levy employer's shortfall instead of co-investing.
/// Ages are at the apprenticeship start, inclusive. A null limit means that route does not
/// exist under this row. Only non-levy employers qualify: a levy payer out of funds always
/// co-invests (see docs/levy-rules.md).
/// </summary>
public sealed record FullGovernmentFundingRule(
    int? NonLevyMaxAge,
    int? NonLevyMaxAgeWithEhcPlanOrCareLeaver);
