using Apprenticeships.Domain.Levy.Commitments;
using Apprenticeships.Storage.Levy;
using Apprenticeships.Storage.Programmes;

namespace Apprenticeships.Workflows.Activities;

/// <summary>
/// Posts the end of training to the levy account: a completion (EPA passed), which pays the
/// completion amount and stops instalments, or a break in learning, which stops them. Also
/// records an achievement for the outcome report.
/// </summary>
public sealed class EndTraining(CommitmentRepository commitments, ProgrammeRecords records, TimeProvider clock) : TaskActivity<TrainingEnd, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, TrainingEnd end)
    {
        var record = await commitments.FindAsync(end.CommitmentId) ?? throw new InvalidOperationException($"No commitment '{end.CommitmentId}'.");
        var kind = end.Kind == ConfirmationKind.BreakInLearning ? CommitmentEventKind.BreakInLearning : CommitmentEventKind.Completion;
        var saved = await commitments.AddEventAsync(record.Commitment, new CommitmentEvent(kind, end.Date));
        if (kind == CommitmentEventKind.Completion)
        {
            await records.AddAsync(new ProgrammeRecord(end.CandidateId, RecordKeys.Achievement, RecordKind.Achievement, clock.GetUtcNow())
            {
                ProgrammeId = end.CommitmentId, Value = end.Grade?.ToString(), Date = end.Date,
            });
        }
        return saved != SaveResult.Conflict;
    }
}
