using Apprenticeships.Domain.Progression;
using Apprenticeships.Storage.Progression;

namespace Apprenticeships.Application.Progression.Commands;

/// <summary>A training-needs review with an employer: the day, the needs found (a short list), the plan agreed, the advisor.</summary>
public sealed record RecordReview(string? Date, List<string>? Needs, string? Plan, string? AdvisorId);

/// <summary>Records an employer's training-needs review. About the business and its roles: no member of staff is named.</summary>
public sealed class TrainingNeedsReviews(ProgressionInput input, TrainingNeedsReviewStore reviews)
{
    /// <summary>Needs are a short list: a review names the main ones, not every course.</summary>
    public const int MostNeeds = 10;

    public async Task<Result<TrainingNeedsReview>> RecordAsync(string employerId, RecordReview command, CancellationToken ct)
    {
        if (await input.EmployerAsync(employerId, ct) is null) return ProgressionInput.NoEmployer(employerId);
        var errors = new FieldErrors();
        var date = input.Day(errors, "date", command.Date, "Review date");
        var needs = new List<string>();
        if (command.Needs is not { Count: > 0 }) errors.Add("needs", "List at least one training need.");
        else if (command.Needs.Count > MostNeeds) errors.Add("needs", $"List at most {MostNeeds} training needs.");
        else foreach (var need in command.Needs) if (errors.Text("needs", need, "Each training need", InputLimits.Title) is { } n) needs.Add(n);
        var plan = errors.Text("plan", command.Plan, "Agreed plan", InputLimits.Reason);
        var advisorId = errors.Id("advisorId", command.AdvisorId, "Advisor id");
        if (errors.Any) return errors.ToProblem();
        var review = new TrainingNeedsReview(NewIds.Review(), employerId, date!.Value, needs, plan!, advisorId!);
        await reviews.AddAsync(review.Id, review, ct);
        return Result<TrainingNeedsReview>.Ok(review, created: true);
    }
}
