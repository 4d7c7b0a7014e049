namespace Apprenticeships.Domain.Levy.Policy;

/// <summary>
/// Incentive payments for young or supported apprentices: an amount each to employer and
/// provider, paid in equal parts due the given numbers of days after the start.
/// </summary>
public sealed record IncentiveRule(
    int MinAge,
    int MaxAge,
    int MaxAgeWithEhcPlanOrCareLeaver,
    decimal AmountEach,
    IReadOnlyList<int> PartDueAfterDays);
