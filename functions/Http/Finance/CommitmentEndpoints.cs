using Apprenticeships.Domain.Levy.Account;
using Apprenticeships.Domain.Levy.Commitments;
using Apprenticeships.Domain.Levy.Policy;
using Apprenticeships.Functions.Http.Finance.Models;
using Apprenticeships.Storage.Levy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Apprenticeships.Functions.Http.Finance;

/// <summary>Commitments and their schedules; completion, withdrawal and break in learning.</summary>
public static class CommitmentEndpoints
{
    private const int YoungestApprentice = 16;
    private const int OldestAge = 100;

    public static async Task<Results<Created<ScheduleResponse>, Ok<ScheduleResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        JsonBody<CreateCommitmentRequest> body, LevyEmployerRepository employers, CommitmentRepository commitments, FundingPolicy policy,
        CancellationToken cancellationToken)
    {
        if (!body.TryGet(out var request, out var unreadable)) return TypedResults.ValidationProblem(unreadable);
        var errors = new FieldErrors();
        var id = errors.Id("commitmentId", request.CommitmentId, "Commitment id");
        var employerId = errors.Id("employerId", request.EmployerId, "Employer id");
        var price = errors.Required("agreedPrice", request.AgreedPrice, "Agreed price");
        if (price <= 0) errors.Add("agreedPrice", "Agreed price must be more than zero.");
        var band = errors.Required("fundingBandMaximum", request.FundingBandMaximum, "Funding band maximum");
        var start = errors.Date("startDate", request.StartDate, "Start date");
        var end = errors.Date("plannedEndDate", request.PlannedEndDate, "Planned end date");
        if (start < policy.EarliestStart) errors.Add("startDate", $"Start date must be on or after {policy.EarliestStart:yyyy-MM-dd}.");
        if (start is not null && end is not null && end <= start) errors.Add("plannedEndDate", "Planned end date must be after the start date.");
        if (band is { } b && start is { } s && s >= policy.EarliestStart &&
            (b < policy.FundingBandFloor.At(s) || b > policy.FundingBandCeiling.At(s)))
        {
            errors.Add("fundingBandMaximum", $"Funding band maximum must be from {policy.FundingBandFloor.At(s):0} to {policy.FundingBandCeiling.At(s):0}.");
        }
        var age = errors.Required("apprenticeAgeAtStart", request.ApprenticeAgeAtStart, "Apprentice's age at the start");
        if (age is < YoungestApprentice or > OldestAge) errors.Add("apprenticeAgeAtStart", $"Apprentice's age at the start must be {YoungestApprentice} to {OldestAge}.");
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());

        var employer = await employers.FindAsync(employerId!, cancellationToken);
        if (employer is null) return ProblemResults.NotFound("employerId", $"No employer '{employerId}'.");
        var commitment = new Commitment(id!, employerId!, price!.Value, band!.Value, start!.Value, end!.Value, age!.Value,
            request.HasEhcPlan ?? false, request.IsCareLeaver ?? false);
        var response = Schedule(new CommitmentRecord(commitment, []), employer, policy);
        return await commitments.AddAsync(commitment, cancellationToken) switch
        {
            SaveResult.Created => TypedResults.Created($"/api/finance/commitments/{commitment.Id}/schedule", response),
            SaveResult.Unchanged => TypedResults.Ok(response),
            _ => ProblemResults.Conflict("commitmentId", $"Commitment '{commitment.Id}' already exists with different details."),
        };
    }

    public static async Task<Results<Ok<ScheduleResponse>, ProblemHttpResult>> GetScheduleAsync(
        string id, LevyEmployerRepository employers, CommitmentRepository commitments, FundingPolicy policy, CancellationToken cancellationToken)
    {
        var record = await commitments.FindAsync(id, cancellationToken);
        var employer = record is null ? null : await employers.FindAsync(record.Commitment.EmployerId, cancellationToken);
        if (record is null || employer is null) return ProblemResults.NotFound("commitmentId", $"No commitment '{id}'.");
        return TypedResults.Ok(Schedule(record, employer, policy));
    }

    public static async Task<Results<Ok<ScheduleResponse>, ValidationProblem, ProblemHttpResult>> RecordEventAsync(
        string id, CommitmentEventKind kind, JsonBody<CommitmentEventRequest> body, LevyEmployerRepository employers,
        CommitmentRepository commitments, FundingPolicy policy, CancellationToken cancellationToken)
    {
        if (!body.TryGet(out var request, out var unreadable)) return TypedResults.ValidationProblem(unreadable);
        var errors = new FieldErrors();
        var date = errors.Date("date", request.Date, "Date");
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
        var record = await commitments.FindAsync(id, cancellationToken);
        var employer = record is null ? null : await employers.FindAsync(record.Commitment.EmployerId, cancellationToken);
        if (record is null || employer is null) return ProblemResults.NotFound("commitmentId", $"No commitment '{id}'.");
        if (date < record.Commitment.StartDate)
        {
            errors.Add("date", $"Date cannot be before the start date {record.Commitment.StartDate:yyyy-MM-dd}.");
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var recorded = new CommitmentEvent(kind, date!.Value);
        if (!record.Events.Contains(recorded) && Clash(record.Events, kind) is { } clash)
            return ProblemResults.Conflict("date", clash);
        if (await commitments.AddEventAsync(record.Commitment, recorded, cancellationToken) == SaveResult.Conflict)
            return ProblemResults.Conflict("date", $"A {Describe(kind)} is already recorded on a different date.");
        return TypedResults.Ok(Schedule(record with { Events = [.. record.Events.Where(e => e != recorded), recorded] }, employer, policy));
    }

    /// <summary>Why an event cannot follow those already recorded, or null when it can.</summary>
    private static string? Clash(IReadOnlyList<CommitmentEvent> events, CommitmentEventKind kind)
    {
        var existing = events.FirstOrDefault(e => e.Kind == kind);
        if (existing is not null) return $"A {Describe(kind)} is already recorded on {existing.Date:yyyy-MM-dd}.";
        var ended = events.FirstOrDefault(e => e.Kind is CommitmentEventKind.Completion or CommitmentEventKind.Withdrawal);
        if (ended is not null) return $"The apprenticeship already ended with a {Describe(ended.Kind)} on {ended.Date:yyyy-MM-dd}.";
        if (kind == CommitmentEventKind.Completion && events.Any(e => e.Kind == CommitmentEventKind.BreakInLearning))
            return "The apprentice is on a break in learning, so cannot complete.";
        return null;
    }

    private static string Describe(CommitmentEventKind kind) => kind switch
    {
        CommitmentEventKind.Completion => "completion",
        CommitmentEventKind.Withdrawal => "withdrawal",
        _ => "break in learning",
    };

    private static ScheduleResponse Schedule(CommitmentRecord record, LevyEmployer employer, FundingPolicy policy)
    {
        var c = record.Commitment;
        var schedule = PaymentSchedule.Build(c, record.Events, policy);
        var status = record.Events.Select(e => e.Kind).ToHashSet() switch
        {
            var k when k.Contains(CommitmentEventKind.Completion) => "Completed",
            var k when k.Contains(CommitmentEventKind.Withdrawal) => "Withdrawn",
            var k when k.Contains(CommitmentEventKind.BreakInLearning) => "OnBreak",
            _ => "Active",
        };
        return new ScheduleResponse(c.Id, c.EmployerId, status, c.AgreedPrice, schedule.CappedPrice, schedule.OnProgrammeAmount,
            schedule.CompletionAmount, schedule.PlannedInstalments, schedule.MonthlyInstalment, CoInvestment.EmployerShare(c, employer, policy),
            schedule.Payments.Select(p => new ScheduledPaymentResponse(p.Kind.ToString(), p.Number, p.EarnedMonth.ToString(), p.PaidMonth.ToString(), p.Amount)).ToList(),
            Incentives.For(c, record.Events, policy).Select(i => new IncentiveResponse(i.Payee.ToString(), i.Part, i.DueDate, i.Amount, i.Status.ToString())).ToList());
    }
}
