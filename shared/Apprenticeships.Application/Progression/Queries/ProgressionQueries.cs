using Apprenticeships.Application.Attention;
using Apprenticeships.Domain.Employers;
using Apprenticeships.Domain.Progression;
using Apprenticeships.Storage.Candidates;
using Apprenticeships.Storage.Progression;

namespace Apprenticeships.Application.Progression.Queries;

/// <summary>A participant as staff see them: named now (null once erased), with their record and whether a prompt went unanswered.</summary>
public sealed record ParticipantView(
    string Id, ParticipantKind Kind, string? CandidateId, string? Name, string? JobTitle, DateOnly From, DateOnly? LeftOn,
    IReadOnlyList<TrainingOpportunity> Training, IReadOnlyList<PayChange> PayChanges, IReadOnlyList<DateOnly> CheckIns, IReadOnlyList<string> UnansweredWeeks);

/// <summary>An employer's in-work progression: reviews newest first, participants by name, headcount returns newest first.</summary>
public sealed record EmployerProgression(Employer Employer, IReadOnlyList<TrainingNeedsReview> Reviews, IReadOnlyList<ParticipantView> Participants, IReadOnlyList<HeadcountReturn> HeadcountReturns);

public sealed class ProgressionQueries(ProgressionInput input, ParticipantStore participants, StaffMemberStore staff, CandidateStore candidates,
    TrainingNeedsReviewStore reviews, HeadcountReturnStore returns, AttentionItems attention)
{
    public async Task<Result<EmployerProgression>> ForEmployerAsync(string employerId, CancellationToken ct)
    {
        if (await input.EmployerAsync(employerId, ct) is not { } employer) return ProgressionInput.NoEmployer(employerId);
        var people = (await participants.ListAsync(ct)).Where(p => p.EmployerId == employerId).ToList();
        var members = (await staff.ListAsync(employerId, ct)).ToDictionary(m => m.ParticipantId);
        var open = (await attention.ListOpenAsync(ct)).Where(i => i.Kind == nameof(AttentionKind.ProgressionNoAnswer)).ToList();
        var views = new List<ParticipantView>();
        foreach (var p in people)
        {
            var (name, jobTitle) = p.Kind == ParticipantKind.EmployerStaff
                ? (members.GetValueOrDefault(p.Id)?.Name, members.GetValueOrDefault(p.Id)?.JobTitle)
                : (await candidates.GetAsync(p.CandidateId!, ct) is { } c ? $"{c.GivenName} {c.FamilyName}" : null, null);
            var unanswered = open.Where(i => i.Facts.GetValueOrDefault(AttentionFacts.ParticipantId) == p.Id)
                .Select(i => i.Facts.GetValueOrDefault(AttentionFacts.Week) ?? "").Order(StringComparer.Ordinal).ToList();
            views.Add(new ParticipantView(p.Id, p.Kind, p.CandidateId, name, jobTitle, p.From, p.LeftOn, p.Training, p.PayChanges, p.CheckIns, unanswered));
        }
        return Result<EmployerProgression>.Ok(new EmployerProgression(employer,
            (await reviews.ListAsync(ct)).Where(r => r.EmployerId == employerId).OrderByDescending(r => r.Date).ToList(),
            views.OrderBy(v => v.LeftOn is not null).ThenBy(v => v.Name ?? "~", StringComparer.CurrentCulture).ThenBy(v => v.Id, StringComparer.Ordinal).ToList(),
            (await returns.ListAsync(ct)).Where(r => r.EmployerId == employerId).OrderByDescending(r => r.Date).ToList()));
    }
}
