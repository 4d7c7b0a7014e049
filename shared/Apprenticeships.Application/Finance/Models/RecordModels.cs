namespace Apprenticeships.Application.Finance.Models;

/// <summary>
/// One declaration as received and what became of it: on time or late (after the cut-off, so not
/// used for its month), whether it is the one that counted (the latest on time, or a year-end
/// adjustment), and for a counted one the levy for the month, the English fraction and top-up
/// applied and the funds it brought in, entering in <see cref="FundsInMonth"/>.
/// </summary>
public sealed record DeclarationView(
    string PayeScheme,
    string PayrollYear,
    int PayrollMonth,
    decimal LevyDueYtd,
    decimal? PayBill,
    DateTimeOffset SubmissionDate,
    string CutOffDate,
    bool OnTime,
    bool Late,
    bool Counted,
    bool YearEndAdjustment,
    string? FundsInMonth,
    decimal? LevyForMonth,
    decimal? EnglishFraction,
    decimal? TopUp,
    decimal? FundsIn);

public sealed record DeclarationsResponse(string EmployerId, IReadOnlyList<DeclarationView> Declarations);

public sealed record EnglishFractionsResponse(string EmployerId, IReadOnlyList<EnglishFractionResponse> EnglishFractions);

public sealed record EmployersResponse(IReadOnlyList<EmployerResponse> Employers);

public sealed record CommitmentsResponse(string EmployerId, IReadOnlyList<ScheduleResponse> Commitments);

/// <summary>What a levy payer may transfer in the tax year of <see cref="Date"/>: a share of last year's funds in, less what it has sent.</summary>
public sealed record TransferAllowanceResponse(
    string EmployerId,
    DateOnly Date,
    string TaxYear,
    string PreviousTaxYear,
    decimal PreviousYearFundsIn,
    decimal Share,
    decimal Allowance,
    decimal Used,
    decimal Left);

/// <summary>A non-levy employer's apprentices the government funds in full: aged up to the first limit, or the second with an EHC plan or care-leaver status (null: no such route).</summary>
public sealed record FullFundingResponse(int? NonLevyMaxAge, int? NonLevyMaxAgeWithEhcPlanOrCareLeaver);

public sealed record IncentiveRuleResponse(int MinAge, int MaxAge, int MaxAgeWithEhcPlanOrCareLeaver, decimal AmountEach, IReadOnlyList<int> PartDueAfterDays);

/// <summary>
/// Every levy rule's value in force on <see cref="Date"/> (null where it was not yet in force).
/// Rates are fractions (0.05 is 5%). Rules and sources: docs/levy-rules.md.
/// </summary>
public sealed record PolicyResponse(
    DateOnly Date,
    decimal? LevyRate,
    decimal? AnnualAllowance,
    decimal? TopUp,
    int? DeclarationCutOffDay,
    int? FundsAvailableDay,
    int? YearEndAdjustmentAfterDays,
    int? FundsExpiryMonths,
    decimal? FundingBandFloor,
    decimal? FundingBandCeiling,
    decimal? CompletionShare,
    decimal? NonLevyEmployerCoInvestmentRate,
    decimal? LevyPayerOutOfFundsEmployerCoInvestmentRate,
    FullFundingResponse? FullGovernmentFunding,
    decimal? TransferAllowanceShare,
    IncentiveRuleResponse? Incentives,
    int? MinimumDurationMonths,
    string Sources);
