namespace Apprenticeships.Domain.Levy.Policy;

/// <summary>
/// Every levy and funding rate, amount, date and period, as effective-from tables, in one
/// place. Sources are in DOMAIN.md: [OFF] official, [DAS] the Digital Apprenticeship
/// Service's code, [SEC] secondary (kept here so it can be corrected without touching rules).
/// Each comment says which date a rule looks the parameter up on.
/// </summary>
public sealed class FundingPolicy
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    /// <summary>England as of DOMAIN.md.</summary>
    public static FundingPolicy England { get; } = new();

    /// <summary>Levy rate on the pay bill [OFF]; looked up on the tax year's first day.</summary>
    public PolicyParameter<decimal> LevyRate { get; init; } = new("levy rate", new Dated<decimal>(D(2017, 4, 6), 0.005m));

    /// <summary>Annual levy allowance per employer (or connected group) [OFF]; on the tax year's first day.</summary>
    public PolicyParameter<decimal> AnnualAllowance { get; init; } = new("levy allowance", new Dated<decimal>(D(2017, 4, 6), 15_000m));

    /// <summary>Government top-up on English levy [OFF 10%; DAS 0% from 2026-08-01]; dated before the cut-off.</summary>
    public PolicyParameter<decimal> TopUp { get; init; } = new("levy top-up",
        new Dated<decimal>(D(2017, 4, 1), 0.10m),
        new Dated<decimal>(D(2026, 8, 1), 0m));

    /// <summary>Day of the month after the payroll month by which a declaration must arrive [DAS].</summary>
    public PolicyParameter<int> DeclarationCutOffDay { get; init; } = new("declaration cut-off day", new Dated<int>(D(2017, 4, 1), 20));

    /// <summary>Day of the month on which declared funds appear in the account [OFF].</summary>
    public PolicyParameter<int> FundsAvailableDay { get; init; } = new("funds available day", new Dated<int>(D(2017, 4, 1), 23));

    /// <summary>Days after payroll month 12's submission month begins after which a month-12 submission is a year-end adjustment [DAS].</summary>
    public PolicyParameter<int> YearEndAdjustmentAfterDays { get; init; } = new("year-end adjustment days", new Dated<int>(D(2017, 4, 1), 21));

    /// <summary>Months after entering that unused funds expire [OFF 24; DAS FundsExpiryPolicyChangeDate, SEC April 2026: 12]; on the date funds enter.</summary>
    public PolicyParameter<int> FundsExpiryMonths { get; init; } = new("funds expiry period",
        new Dated<int>(D(2017, 4, 1), 24),
        new Dated<int>(D(2026, 4, 1), 12));

    /// <summary>Lowest funding band maximum [OFF]; on the start date.</summary>
    public PolicyParameter<decimal> FundingBandFloor { get; init; } = new("lowest funding band", new Dated<decimal>(D(2017, 4, 1), 1_500m));

    /// <summary>Highest funding band maximum [OFF]; on the start date.</summary>
    public PolicyParameter<decimal> FundingBandCeiling { get; init; } = new("highest funding band", new Dated<decimal>(D(2017, 4, 1), 27_000m));

    /// <summary>Share of the capped price held back as the completion payment [DAS]; on the start date.</summary>
    public PolicyParameter<decimal> CompletionShare { get; init; } = new("completion share", new Dated<decimal>(D(2017, 4, 1), 0.20m));

    /// <summary>Employer's share of a shortfall, non-levy employers [OFF: 10% at launch, 5% for starts from 2019-04-01]; on the start date.</summary>
    public PolicyParameter<decimal> NonLevyEmployerShare { get; init; } = new("non-levy co-investment",
        new Dated<decimal>(D(2017, 5, 1), 0.10m),
        new Dated<decimal>(D(2019, 4, 1), 0.05m));

    /// <summary>Employer's share of a shortfall, levy payers out of funds [OFF; SEC: 25% under the 2026 rules, taken as from 2026-04-01]; on the start date.</summary>
    public PolicyParameter<decimal> LevyPayerShortfallEmployerShare { get; init; } = new("levy payer co-investment",
        new Dated<decimal>(D(2017, 5, 1), 0.10m),
        new Dated<decimal>(D(2019, 4, 1), 0.05m),
        new Dated<decimal>(D(2026, 4, 1), 0.25m));

    /// <summary>Cases the government pays in full [OFF from 2024-04-01; SEC SMEs under 25 from 2026, taken as 2026-04-01]; on the start date.</summary>
    public PolicyParameter<FullGovernmentFundingRule> FullGovernmentFunding { get; init; } = new("full government funding",
        new Dated<FullGovernmentFundingRule>(D(2017, 5, 1), new(null, null, null)),
        new Dated<FullGovernmentFundingRule>(D(2024, 4, 1), new(21, 24, null)),
        new Dated<FullGovernmentFundingRule>(D(2026, 4, 1), new(21, 24, 25)));

    /// <summary>Share of the previous tax year's funds in a levy payer may transfer [OFF]; on the transfer date.</summary>
    public PolicyParameter<decimal> TransferAllowanceShare { get; init; } = new("transfer allowance",
        new Dated<decimal>(D(2018, 4, 1), 0.10m),
        new Dated<decimal>(D(2019, 4, 1), 0.25m),
        new Dated<decimal>(D(2024, 4, 22), 0.50m));

    /// <summary>Incentive payments [OFF/DAS]; on the start date.</summary>
    public PolicyParameter<IncentiveRule> Incentives { get; init; } = new("incentive payments",
        new Dated<IncentiveRule>(D(2017, 5, 1), new(16, 18, 24, 1_000m, [89, 364])));

    /// <summary>Minimum apprenticeship duration [SEC]; the forecast's hypothetical extra apprentices last this long.</summary>
    public PolicyParameter<int> MinimumDurationMonths { get; init; } = new("minimum duration", new Dated<int>(D(2017, 4, 1), 12));

    /// <summary>Longest forecast the DAS forecasting tool offers [DAS]; on the forecast's first month.</summary>
    public PolicyParameter<int> ForecastHorizonMonths { get; init; } = new("forecast horizon", new Dated<int>(D(2017, 4, 1), 48));

    /// <summary>The first start date every start-dated rule above covers.</summary>
    public DateOnly EarliestStart => new[]
    {
        CompletionShare.FirstEffective, NonLevyEmployerShare.FirstEffective, LevyPayerShortfallEmployerShare.FirstEffective,
        FullGovernmentFunding.FirstEffective, Incentives.FirstEffective, FundingBandFloor.FirstEffective, FundingBandCeiling.FirstEffective,
    }.Max();

    /// <summary>The first month the ledger's rules (expiry, funds available day) cover.</summary>
    public YearMonth FirstLedgerMonth => YearMonth.Of(new[] { FundsExpiryMonths.FirstEffective, FundsAvailableDay.FirstEffective }.Max());

    /// <summary>The first tax year the levy existed.</summary>
    public int FirstTaxYear => PayrollPeriod.TaxYearOf(YearMonth.Of(new[] { LevyRate.FirstEffective, AnnualAllowance.FirstEffective }.Max()));
}
