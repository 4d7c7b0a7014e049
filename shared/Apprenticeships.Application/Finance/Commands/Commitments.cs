using Apprenticeships.Application.Finance.Models;
using Apprenticeships.Application.Finance.Queries;
using Apprenticeships.Domain.Levy.Account;
using Apprenticeships.Domain.Levy.Commitments;
using Apprenticeships.Domain.Levy.Policy;
using Apprenticeships.Storage.Levy;

namespace Apprenticeships.Application.Finance.Commands;

/// <summary>Levy commitments: created with their terms, then completion, withdrawal or a break in learning on a date.</summary>
public sealed class Commitments(LevyEmployerRepository employers, CommitmentRepository commitments, FundingPolicy policy)
{
    private const int YoungestApprentice = 16;
    private const int OldestAge = 100;

    public async Task<Result<ScheduleResponse>> CreateAsync(CreateCommitment command, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var id = errors.Id("commitmentId", command.CommitmentId, "Commitment id");
        var employerId = errors.Id("employerId", command.EmployerId, "Employer id");
        var price = errors.Money("agreedPrice", command.AgreedPrice, "Agreed price");
        var start = errors.Date("startDate", command.StartDate, "Start date");
        var end = errors.LevyDate("plannedEndDate", command.PlannedEndDate, "Planned end date");
        if (start < policy.EarliestStart) errors.Add("startDate", $"Start date must be on or after {policy.EarliestStart:yyyy-MM-dd}.");
        if (start is not null && end is not null && end <= start) errors.Add("plannedEndDate", "Planned end date must be after the start date.");
        else if (start is { } s && end > s.AddYears(InputLimits.LongestPlannedYears))
            errors.Add("plannedEndDate", $"Planned end date must be at most {InputLimits.LongestPlannedYears} years after the start date.");
        var band = errors.FundingBand("fundingBandMaximum", command.FundingBandMaximum, start, policy);
        var age = errors.Required("apprenticeAgeAtStart", command.ApprenticeAgeAtStart, "Apprentice's age at the start");
        if (age is < YoungestApprentice or > OldestAge) errors.Add("apprenticeAgeAtStart", $"Apprentice's age at the start must be {YoungestApprentice} to {OldestAge}.");
        if (errors.Any) return errors.ToProblem();

        var employer = await employers.FindAsync(employerId!, ct);
        if (employer is null) return Problem.NotFound("employerId", $"No employer '{employerId}'.");
        var commitment = new Commitment(id!, employerId!, price!.Value, band!.Value, start!.Value, end!.Value, age!.Value,
            command.HasEhcPlan ?? false, command.IsCareLeaver ?? false);
        return LevyEmployers.Saved(await commitments.AddAsync(commitment, ct), CommitmentSchedules.Of(new CommitmentRecord(commitment, []), employer, policy),
            "commitmentId", $"Commitment '{commitment.Id}' already exists with different details.");
    }

    public async Task<Result<ScheduleResponse>> RecordEventAsync(string id, CommitmentEventKind kind, RecordCommitmentEvent command, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var date = errors.LevyDate("date", command.Date, "Date");
        if (errors.Any) return errors.ToProblem();
        return await RecordAsync(id, new CommitmentEvent(kind, date!.Value), ct);
    }

    /// <summary>A return from a break: the rest of the on-programme amount is re-spread to the new planned end.</summary>
    public async Task<Result<ScheduleResponse>> RecordReturnAsync(string id, RecordReturnFromBreak command, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var date = errors.LevyDate("date", command.Date, "Date");
        var end = errors.LevyDate("newPlannedEnd", command.NewPlannedEnd, "New planned end");
        if (date is { } d && end is { } e && e <= d) errors.Add("newPlannedEnd", "The new planned end must be after the return date.");
        else if (date is { } from && end > from.AddYears(InputLimits.LongestPlannedYears))
            errors.Add("newPlannedEnd", $"The new planned end must be at most {InputLimits.LongestPlannedYears} years after the return.");
        if (errors.Any) return errors.ToProblem();
        return await RecordAsync(id, new CommitmentEvent(CommitmentEventKind.ReturnFromBreak, date!.Value, end), ct);
    }

    private async Task<Result<ScheduleResponse>> RecordAsync(string id, CommitmentEvent recorded, CancellationToken ct)
    {
        var record = InputLimits.IsId(id) ? await commitments.FindAsync(id, ct) : null;
        var employer = record is null ? null : await employers.FindAsync(record.Commitment.EmployerId, ct);
        if (record is null || employer is null) return Problem.NotFound("commitmentId", $"No commitment '{id}'.");
        if (recorded.Date < record.Commitment.StartDate) return Problem.Invalid("date", $"Date cannot be before the start date {record.Commitment.StartDate:yyyy-MM-dd}.");

        if (CommitmentLifecycle.Refusal(record.Events, recorded) is { } clash) return Problem.Conflict("date", clash);
        if (await commitments.AddEventAsync(record.Commitment, recorded, ct) == SaveResult.Conflict)
        {
            // Another event was recorded between the check above and the write: say which.
            var now = await commitments.FindAsync(id, ct);
            return Problem.Conflict("date", now is null ? "The commitment changed; try again." :
                CommitmentLifecycle.Refusal(now.Events, recorded) ?? "The commitment changed; try again.");
        }
        return Result<ScheduleResponse>.Ok(CommitmentSchedules.Of(record with { Events = [.. record.Events.Where(e => e != recorded), recorded] }, employer, policy));
    }
}
