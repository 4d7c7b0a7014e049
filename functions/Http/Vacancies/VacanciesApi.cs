using Apprenticeships.Application.Employers.Commands;
using Apprenticeships.Application.Vacancies;
using Apprenticeships.Application.Vacancies.Commands;
using Apprenticeships.Application.Vacancies.Queries;

namespace Apprenticeships.Functions.Http.Vacancies;

/// <summary>Employers' vacancies: post, edit and close them, see who matches, put candidates forward, record the employer's decisions.</summary>
public static class VacanciesApi
{
    public static IEndpointRouteBuilder MapVacanciesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/vacancies").WithTags("Vacancies").RequireAuthorization(StaffPolicies.Candidates);
        group.MapGet("", async (string? open, string? employerId, VacancyQueries vacancies, CancellationToken ct) =>
        {
            var errors = new FieldErrors();
            var openOnly = errors.Flag("open", open);
            if (errors.Any) return errors.ToProblem().ToHttp();
            return (await vacancies.ListAsync(openOnly, employerId, Actor.Hub, ct)).ToHttp(found => found.Select(VacancyResponse.Of).ToList());
        }).Produces<List<VacancyResponse>>();
        group.MapPost("", (JsonBody<PostVacancy> body, VacancyPosting posting, VacancyQueries vacancies, CancellationToken ct) =>
            body.ThenAsync(async r =>
            {
                var posted = await posting.PostAsync(r, Actor.Hub, ct);
                if (posted.Problem is { } problem) return problem.ToHttp();
                var view = (await vacancies.DetailsAsync(posted.Done.Id, Actor.Hub, ct)).Done.View;
                return TypedResults.Created($"/api/vacancies/{posted.Done.Id}", VacancyResponse.Of(view));
            })).ProducesCreated<VacancyResponse>();
        group.MapGet("/{id}", async (string id, VacancyQueries vacancies, CancellationToken ct) =>
            (await vacancies.DetailsAsync(id, Actor.Hub, ct)).ToHttp(VacancyDetailsResponse.Of))
            .Produces<VacancyDetailsResponse>();
        group.MapPut("/{id}", (string id, JsonBody<EditVacancy> body, VacancyPosting posting, VacancyQueries vacancies, CancellationToken ct) =>
            body.ThenAsync(async r =>
            {
                var edited = await posting.EditAsync(id, r, Actor.Hub, ct);
                if (edited.Problem is { } problem) return problem.ToHttp();
                return (await vacancies.DetailsAsync(id, Actor.Hub, ct)).ToHttp(d => VacancyResponse.Of(d.View));
            })).Produces<VacancyResponse>();
        group.MapPost("/{id}/close", async (string id, VacancyPosting posting, VacancyQueries vacancies, CancellationToken ct) =>
        {
            var closed = await posting.CloseAsync(id, Actor.Hub, ct);
            if (closed.Problem is { } problem) return problem.ToHttp();
            return (await vacancies.DetailsAsync(id, Actor.Hub, ct)).ToHttp(d => VacancyResponse.Of(d.View));
        }).Produces<VacancyResponse>();
        group.MapGet("/{id}/matches", async (string id, VacancyQueries vacancies, CancellationToken ct) =>
            (await vacancies.MatchesAsync(id, ct)).ToHttp(m => m))
            .Produces<List<VacancyMatch>>();
        group.MapPost("/{id}/put-forward", (string id, JsonBody<PutCandidateForward> body, PutForwards putForwards, CancellationToken ct) =>
            body.ThenAsync(async r => (await putForwards.PutForwardAsync(id, r, ct)).ToCreated(_ => $"/api/vacancies/{id}", PutForwardResponse.Of)))
            .ProducesCreated<PutForwardResponse>();
        group.MapPost("/{id}/decisions", (string id, JsonBody<RecordDecision> body, EmployerDecisions decisions, CancellationToken ct) =>
            body.ThenAsync(async r => Answer(await decisions.RecordAsync(id, r, Actor.Hub, ct))))
            .Produces<DecisionResponse>();

        app.MapPost("/api/employers/{id}/portal-key", async (string id, EmployerPortalKeys keys, CancellationToken ct) =>
            (await keys.IssueAsync(id, ct)).ToHttp(k => new EmployerKeyResponse(k.Employer.Id, k.Key, k.Account.KeyIssuedAt)))
            .WithTags("Vacancies").RequireAuthorization(StaffPolicies.Administration).Produces<EmployerKeyResponse>();
        return app;
    }

    /// <summary>A decision's answer: 200 with what was recorded (the first time or before), or the problem.</summary>
    private static IResult Answer(Result<DecisionRecorded> result)
    {
        if (result.Problem is { } problem) return problem.ToHttp();
        var d = result.Done;
        return TypedResults.Ok(new DecisionResponse(PutForwardResponse.Of(d.PutForward), result.Created ? "Recorded" : "AlreadyRecorded", d.Filled,
            d.Filled is null ? null : d.JobStartProblem is null ? "Recorded" : "NotRecorded", d.JobStartProblem));
    }
}
