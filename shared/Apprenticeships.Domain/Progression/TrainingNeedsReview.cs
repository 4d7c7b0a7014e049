namespace Apprenticeships.Domain.Progression;

/// <summary>
/// An advisor's review of a member employer's training needs: what the staff need (a short
/// list), the plan agreed with the employer, and who reviewed it. About the business, never a
/// named member of staff, so it holds no personal data.
/// </summary>
public sealed record TrainingNeedsReview(string Id, string EmployerId, DateOnly Date, IReadOnlyList<string> Needs, string Plan, string AdvisorId);
