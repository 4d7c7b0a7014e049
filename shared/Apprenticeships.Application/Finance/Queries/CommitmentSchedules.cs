using Apprenticeships.Application.Finance.Models;
using Apprenticeships.Domain.Levy.Account;
using Apprenticeships.Domain.Levy.Commitments;
using Apprenticeships.Domain.Levy.Policy;
using Apprenticeships.Storage.Levy;

namespace Apprenticeships.Application.Finance.Queries;

/// <summary>A commitment's payment schedule, status and incentives, as the levy rules work them out today.</summary>
public sealed class CommitmentSchedules(LevyEmployerRepository employers, CommitmentRepository commitments, FundingPolicy policy)
{
    /// <summary>The schedule; incentives that will never be paid (after the planned end, or after a withdrawal) only when <paramref name="all"/> is "true".</summary>
    public async Task<Result<ScheduleResponse>> GetAsync(string id, string? all, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var everyIncentive = errors.Flag("all", all);
        if (errors.Any) return errors.ToProblem();
        var record = InputLimits.IsId(id) ? await commitments.FindAsync(id, ct) : null;
        var employer = record is null ? null : await employers.FindAsync(record.Commitment.EmployerId, ct);
        if (record is null || employer is null) return Problem.NotFound("commitmentId", $"No commitment '{id}'.");
        return Result<ScheduleResponse>.Ok(Of(record, employer, policy, everyIncentive));
    }

    internal static ScheduleResponse Of(CommitmentRecord record, LevyEmployer employer, FundingPolicy policy, bool everyIncentive = false)
    {
        var c = record.Commitment;
        var schedule = PaymentSchedule.Build(c, record.Events, policy);
        var periods = LearningPeriods.Of(c, record.Events);
        var kinds = record.Events.Select(e => e.Kind).ToHashSet();
        var status = kinds.Contains(CommitmentEventKind.Completion) ? "Completed"
            : kinds.Contains(CommitmentEventKind.Withdrawal) ? "Withdrawn"
            : periods.IsOnBreak ? "OnBreak"
            : "Active";
        return new ScheduleResponse(c.Id, c.EmployerId, status, periods.PlannedEndDate, c.AgreedPrice, schedule.CappedPrice, schedule.OnProgrammeAmount,
            schedule.CompletionAmount, schedule.PlannedInstalments, schedule.MonthlyInstalment, CoInvestment.EmployerShare(c, employer, policy),
            schedule.Payments.Select(p => new ScheduledPaymentResponse(p.Kind.ToString(), p.Number, p.EarnedMonth.ToString(), p.PaidMonth.ToString(), p.Amount)).ToList(),
            Incentives.For(c, record.Events, policy).Where(i => everyIncentive || WillBePaid(i.Status)).Select(i => new IncentiveResponse(i.Payee.ToString(), i.Part, i.DueDate, i.Amount, i.Status.ToString())).ToList());
    }

    /// <summary>Payable now or later; a part waiting on a break is paid after the return.</summary>
    private static bool WillBePaid(IncentiveStatus status) => status is IncentiveStatus.Payable or IncentiveStatus.OnBreak;
}
