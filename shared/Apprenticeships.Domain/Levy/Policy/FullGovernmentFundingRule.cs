namespace Apprenticeships.Domain.Levy.Policy;

/// <summary>
/// When the government pays 100% of a shortfall instead of co-investing. Ages are at the
/// apprenticeship start. A null limit means that route does not exist under this row.
/// </summary>
public sealed record FullGovernmentFundingRule(
    int? NonLevyMaxAge,
    int? NonLevyMaxAgeWithEhcPlanOrCareLeaver,
    int? SmeMaxAgeExclusive);
