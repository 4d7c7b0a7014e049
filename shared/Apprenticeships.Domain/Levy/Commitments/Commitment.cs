namespace Apprenticeships.Domain.Levy.Commitments;

/// <summary>
/// An apprentice's training with a provider, agreed by the employer: price, the standard's
/// funding band maximum, dates, and the facts about the apprentice at the start that decide
/// incentives and who pays a shortfall. Age, not date of birth, so no personal data is kept.
/// </summary>
public sealed record Commitment(
    string Id,
    string EmployerId,
    decimal AgreedPrice,
    decimal FundingBandMaximum,
    DateOnly StartDate,
    DateOnly PlannedEndDate,
    int ApprenticeAgeAtStart,
    bool HasEhcPlan,
    bool IsCareLeaver)
{
    /// <summary>The government never funds more than the band maximum; the employer pays any excess directly.</summary>
    public decimal CappedPrice => Math.Min(AgreedPrice, FundingBandMaximum);
}
