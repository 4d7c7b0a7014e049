using System.Globalization;
using Apprenticeships.Application.Finance.Commands;
using Apprenticeships.Application.Finance.Models;

namespace Apprenticeships.Workflows.Activities;

/// <summary>
/// Posts a provider's return from a break in learning to the levy account through the same
/// application command as <c>POST /api/finance/commitments/{id}/return</c>, so what is left of the
/// on-programme amount is re-spread to the new planned end exactly as there. The return is its own
/// key: the levy account records a commitment's event once, and posting the same return again is a
/// no-op, so a retried step records it once. A return the levy account refuses (a finance officer
/// recorded something else meanwhile) is answered with the reason, for the advisor, not retried.
/// </summary>
public sealed class PostReturnFromBreak(Commitments commitments) : TaskActivity<TrainingReturn, ReturnPosted>
{
    public override async Task<ReturnPosted> RunAsync(TaskActivityContext context, TrainingReturn back)
    {
        var result = await commitments.RecordReturnAsync(back.CommitmentId,
            new RecordReturnFromBreak(Day(back.Date), Day(back.NewPlannedEnd)), CancellationToken.None);
        return result.Problem switch
        {
            null => new ReturnPosted(true, null),
            { Kind: ProblemKind.NotFound } => throw new InvalidOperationException($"No commitment '{back.CommitmentId}'."),
            var refused => new ReturnPosted(false, refused.Detail),
        };
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
