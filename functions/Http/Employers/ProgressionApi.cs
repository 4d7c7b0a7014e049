using Apprenticeships.Application.Progression.Commands;
using Apprenticeships.Application.Progression.Queries;
using Apprenticeships.Domain.Progression;

namespace Apprenticeships.Functions.Http.Employers;

/// <summary>
/// In-work progression at an employer, under /api/employers/{employerId}/progression: its
/// training-needs reviews, the people followed (placed candidates and the employer's own staff),
/// their training, pay and hours, check-ins and leaving, and headcount returns. Advisors' work;
/// erasing a member of staff is an administrator's, as erasing a candidate is.
/// </summary>
public static class ProgressionApi
{
    public static IEndpointRouteBuilder MapProgressionApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/employers/{employerId}/progression").WithTags("Progression").RequireAuthorization(StaffPolicies.Candidates);
        group.MapGet("", async (string employerId, ProgressionQueries queries, CancellationToken ct) =>
            (await queries.ForEmployerAsync(employerId, ct)).ToHttp(p => p)).Produces<EmployerProgression>();
        group.MapPost("/reviews", (string employerId, JsonBody<RecordReview> body, TrainingNeedsReviews reviews, CancellationToken ct) =>
            body.ThenAsync(async r => (await reviews.RecordAsync(employerId, r, ct)).ToCreated(_ => $"/api/employers/{employerId}/progression", x => x)))
            .ProducesCreated<TrainingNeedsReview>();
        group.MapPost("/participants", (string employerId, JsonBody<AddParticipant> body, ProgressionParticipants participants, CancellationToken ct) =>
            body.ThenAsync(async r => (await participants.AddAsync(employerId, r, ct)).ToCreated(_ => $"/api/employers/{employerId}/progression", x => x)))
            .ProducesCreated<ProgressionParticipant>();
        group.MapPost("/participants/{participantId}/training", (string employerId, string participantId, JsonBody<OfferTraining> body, ProgressionUpdates updates, CancellationToken ct) =>
            body.ThenAsync(async r => (await updates.OfferTrainingAsync(employerId, participantId, r, ct)).ToCreated(_ => $"/api/employers/{employerId}/progression", x => x)))
            .ProducesCreated<ProgressionUpdated>();
        group.MapPost("/participants/{participantId}/training/{trainingId}/completion", (string employerId, string participantId, string trainingId, JsonBody<CompleteTraining> body, ProgressionUpdates updates, CancellationToken ct) =>
            body.ThenAsync(async r => (await updates.CompleteTrainingAsync(employerId, participantId, trainingId, r, ct)).ToHttp(x => x)))
            .Produces<ProgressionUpdated>();
        group.MapPost("/participants/{participantId}/pay-changes", (string employerId, string participantId, JsonBody<RecordPayChange> body, ProgressionUpdates updates, CancellationToken ct) =>
            body.ThenAsync(async r => (await updates.RecordPayChangeAsync(employerId, participantId, r, ct)).ToCreated(_ => $"/api/employers/{employerId}/progression", x => x)))
            .ProducesCreated<ProgressionUpdated>();
        group.MapPost("/participants/{participantId}/check-ins", (string employerId, string participantId, JsonBody<RecordCheckIn> body, ProgressionUpdates updates, CancellationToken ct) =>
            body.ThenAsync(async r => (await updates.RecordCheckInAsync(employerId, participantId, r, ct)).ToCreated(_ => $"/api/employers/{employerId}/progression", x => x)))
            .ProducesCreated<ProgressionUpdated>();
        group.MapPost("/participants/{participantId}/leaving", (string employerId, string participantId, JsonBody<RecordLeaving> body, ProgressionUpdates updates, CancellationToken ct) =>
            body.ThenAsync(async r => (await updates.RecordLeavingAsync(employerId, participantId, r, ct)).ToHttp(x => x)))
            .Produces<ProgressionUpdated>();
        group.MapPost("/participants/{participantId}/erase", (HttpContext http, string employerId, string participantId, JsonBody<EraseStaffMember> body, StaffMemberErasure erasure, CancellationToken ct) =>
            body.ThenAsync(async r => (await erasure.EraseAsync(employerId, participantId, r, http.User.FindFirst(StaffClaims.Id)?.Value ?? "unknown", ct)).ToHttp(e => e)))
            .RequireAuthorization(StaffPolicies.Administration).Produces<StaffMemberErased>();
        group.MapPost("/headcount", (string employerId, JsonBody<RecordHeadcount> body, HeadcountReturns returns, CancellationToken ct) =>
            body.ThenAsync(async r => (await returns.RecordAsync(employerId, r, ct)).ToCreated(_ => $"/api/employers/{employerId}/progression", x => x)))
            .ProducesCreated<HeadcountReturn>();
        return app;
    }
}
