namespace Apprenticeships.Domain.Levy.Policy;

/// <summary>
/// Every levy and funding rate, amount, date and period, as effective-from tables, in one
/// place. Each comment gives its source — [OFF] official, [DAS] the Digital Apprenticeship
/// Service's code, [SEC] secondary (kept here so it can be corrected without touching rules)
/// — and which date a rule looks the parameter up on. docs/levy-rules.md lists them all.
/// The August 2026 reforms come from a written answer to Parliament of 11 February 2026
/// (DWP, Andrew Western, questions 110425 and 110426, "Apprenticeship Levy"): from August
/// 2026 the 10% top-up ends, levy funds expire after 12 months, government co-investment for
/// levy payers who have exhausted their funds falls from 95% to 75%, and training for
/// eligible apprentices aged 16-24 at non-levy employers is fully funded.
/// </summary>
public sealed class FundingPolicy
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    /// <summary>England, as listed in docs/levy-rules.md.</summary>
    public static FundingPolicy England { get; } = new();

    /// <summary>Levy rate on the pay bill [OFF]; looked up on the tax year's first day.</summary>
    public PolicyParameter<decimal> LevyRate { get; init; } = new("levy rate", new Dated<decimal>(D(2017, 4, 6), 0.005m));

    /// <summary>Annual levy allowance per employer (or connected group) [OFF]; on the tax year's first day.</summary>
    public PolicyParameter<decimal> AnnualAllowance { get; init; } = new("levy allowance", new Dated<decimal>(D(2017, 4, 6), 15_000m));

    /// <summary>
    /// Government top-up on English levy [OFF DfE help "Expired funds": 10%]; 0% from 2026-08-01 [OFF written
    /// answer 11 Feb 2026; DAS CreateTopUpPercentages.sql row DateFrom 2026-08-01, Amount 0]. Looked up dated
    /// before the declaration cut-off [DAS view GetLevyDeclaration: DateFrom &lt; CalculateSubmissionCutoffDate],
    /// so July 2026 payroll (cut-off 20 August) is the first without it.
    /// </summary>
    public PolicyParameter<decimal> TopUp { get; init; } = new("levy top-up",
        new Dated<decimal>(D(2017, 4, 1), 0.10m),
        new Dated<decimal>(D(2026, 8, 1), 0m));

    /// <summary>Day of the month after the payroll month by which a declaration must arrive [DAS].</summary>
    public PolicyParameter<int> DeclarationCutOffDay { get; init; } = new("declaration cut-off day", new Dated<int>(D(2017, 4, 1), 20));

    /// <summary>Day of the month on which declared funds appear in the account [OFF].</summary>
    public PolicyParameter<int> FundsAvailableDay { get; init; } = new("funds available day", new Dated<int>(D(2017, 4, 1), 23));

    /// <summary>Days after payroll month 12's submission month begins after which a month-12 submission is a year-end adjustment [DAS].</summary>
    public PolicyParameter<int> YearEndAdjustmentAfterDays { get; init; } = new("year-end adjustment days", new Dated<int>(D(2017, 4, 1), 21));

    /// <summary>
    /// Months after entering that unused funds expire, on the date funds enter [OFF DfE help "Expired funds": 24];
    /// 12 for funds entering from 2026-08-01 [OFF written answer 11 Feb 2026; DAS GetExpiredFundsExtensionTests
    /// PolicyChangeDate_WhenOffByOneMonthLate: FundsExpiryPolicyChangeDate is 2026-08-01, the first calendar
    /// month of funds in under 12 months]. Only new funds change: earlier funds keep 24 months.
    /// </summary>
    public PolicyParameter<int> FundsExpiryMonths { get; init; } = new("funds expiry period",
        new Dated<int>(D(2017, 4, 1), 24),
        new Dated<int>(D(2026, 8, 1), 12));

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

    /// <summary>
    /// Employer's share of a shortfall, levy payers out of funds [OFF DfE help "Co-investment": 10%, 5% for starts
    /// from 2019-04-01]; 25% (government 75%) from 2026-08-01 [OFF written answer 11 Feb 2026]. On the start date,
    /// as the earlier changes were; the answer says only "from August 2026" (see docs/levy-rules.md).
    /// </summary>
    public PolicyParameter<decimal> LevyPayerShortfallEmployerShare { get; init; } = new("levy payer co-investment",
        new Dated<decimal>(D(2017, 5, 1), 0.10m),
        new Dated<decimal>(D(2019, 4, 1), 0.05m),
        new Dated<decimal>(D(2026, 8, 1), 0.25m));

    /// <summary>
    /// Cases the government pays in full, on the start date: non-levy employers' apprentices aged up to 21, or 22-24
    /// with an EHC plan or care-leaver status, for starts from 2024-04-01 [OFF DfE help "Co-investment"]; every
    /// apprentice aged 16-24 at a non-levy employer from 2026-08-01 [OFF written answer 11 Feb 2026: "non-levy paying
    /// employers (essentially SMEs)" — the test is not paying the levy, not being an SME].
    /// </summary>
    public PolicyParameter<FullGovernmentFundingRule> FullGovernmentFunding { get; init; } = new("full government funding",
        new Dated<FullGovernmentFundingRule>(D(2017, 5, 1), new(null, null)),
        new Dated<FullGovernmentFundingRule>(D(2024, 4, 1), new(21, 24)),
        new Dated<FullGovernmentFundingRule>(D(2026, 8, 1), new(24, 24)));

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
