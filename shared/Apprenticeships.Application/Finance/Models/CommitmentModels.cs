namespace Apprenticeships.Application.Finance.Models;

public sealed record CreateCommitment(
    string? CommitmentId,
    string? EmployerId,
    decimal? AgreedPrice,
    decimal? FundingBandMaximum,
    string? StartDate,
    string? PlannedEndDate,
    int? ApprenticeAgeAtStart,
    bool? HasEhcPlan,
    bool? IsCareLeaver);

/// <summary>Completion, withdrawal or break in learning, on a date.</summary>
public sealed record RecordCommitmentEvent(string? Date);

/// <summary>Back from a break in learning on a date, with the planned end date agreed for the rest of the apprenticeship.</summary>
public sealed record RecordReturnFromBreak(string? Date, string? NewPlannedEnd);

public sealed record ScheduledPaymentResponse(string Kind, int Number, string EarnedMonth, string PaidMonth, decimal Amount);

public sealed record IncentiveResponse(string Payee, int Part, DateOnly DueDate, decimal Amount, string Status);

public sealed record ScheduleResponse(
    string CommitmentId,
    string EmployerId,
    string Status,
    /// <summary>The planned end in force: the commitment's, or the one agreed on a return from a break.</summary>
    DateOnly PlannedEndDate,
    decimal AgreedPrice,
    decimal CappedPrice,
    decimal OnProgrammeAmount,
    decimal CompletionAmount,
    int PlannedInstalments,
    decimal MonthlyInstalment,
    /// <summary>The employer's share of any payment the account cannot cover (0.05 is 5%), by the rule in force at the start.</summary>
    decimal EmployerCoInvestmentRate,
    IReadOnlyList<ScheduledPaymentResponse> Payments,
    IReadOnlyList<IncentiveResponse> Incentives);

public sealed record MakeTransfer(string? TransferId, string? SenderId, string? ReceiverId, string? Date, decimal? Amount);

public sealed record TransferResponse(string TransferId, string SenderId, string ReceiverId, DateOnly Date, decimal Amount);
