using Apprenticeships.Application.Employers.Commands;
using Apprenticeships.Application.Employers.Queries;
using Apprenticeships.Domain.Employers;

namespace Apprenticeships.Functions.Http.Employers;

/// <summary>
/// The hub's employers: the one record per employer, its contacts and its membership of the hub's
/// employer scheme. Advisors read employers and record membership; administrators create and edit
/// employers and their contacts.
/// </summary>
public static class EmployersApi
{
    public static IEndpointRouteBuilder MapEmployersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/employers").WithTags("Employers").RequireAuthorization(StaffPolicies.Candidates);
        group.MapPost("", (JsonBody<CreateEmployer> body, EmployerRegistration registration, CancellationToken ct) =>
            body.ThenAsync(async r => (await registration.CreateAsync(r, ct)).ToCreated(e => $"/api/employers/{e.Id}", e => e)))
            .RequireAuthorization(StaffPolicies.Administration).ProducesCreated<Employer>();
        group.MapGet("", async (EmployerQueries employers, CancellationToken ct) => TypedResults.Ok(await employers.ListAsync(ct)));
        group.MapGet("/{employerId}", async (string employerId, EmployerQueries employers, CancellationToken ct) =>
            (await employers.DetailsAsync(employerId, ct)).ToHttp(d => d))
            .Produces<EmployerDetails>();
        group.MapPut("/{employerId}", (string employerId, JsonBody<EditEmployer> body, EmployerRegistration registration, CancellationToken ct) =>
            body.ThenAsync(async r => (await registration.EditAsync(employerId, r, ct)).ToHttp(e => e)))
            .RequireAuthorization(StaffPolicies.Administration).Produces<Employer>();

        group.MapPost("/{employerId}/contacts", (string employerId, JsonBody<AddContact> body, EmployerContacts contacts, CancellationToken ct) =>
            body.ThenAsync(async r => (await contacts.AddAsync(employerId, r, ct)).ToCreated(_ => $"/api/employers/{employerId}", c => c)))
            .RequireAuthorization(StaffPolicies.Administration).ProducesCreated<EmployerContact>();
        group.MapDelete("/{employerId}/contacts/{contactId}", async (string employerId, string contactId, HttpContext http, EmployerContacts contacts, CancellationToken ct) =>
            (await contacts.EraseAsync(employerId, contactId, StaffIdOf(http), ct)) is { Problem: { } problem } ? problem.ToHttp() : TypedResults.NoContent())
            .RequireAuthorization(StaffPolicies.Administration).Produces(StatusCodes.Status204NoContent);

        var membership = group.MapGroup("/{employerId}/membership");
        membership.MapGet("", async (string employerId, SchemeMembership scheme, CancellationToken ct) => (await scheme.OfAsync(employerId, ct)).ToHttp(m => m))
            .Produces<EmployerMembership>();
        membership.MapPost("/join", (string employerId, JsonBody<JoinScheme> body, SchemeMembership scheme, CancellationToken ct) =>
            body.ThenAsync(async r => (await scheme.JoinAsync(employerId, r, ct)).ToCreated(_ => Location(employerId), m => m)))
            .ProducesCreated<EmployerMembership>();
        membership.MapPost("/leave", (string employerId, JsonBody<LeaveScheme> body, SchemeMembership scheme, CancellationToken ct) =>
            body.ThenAsync(async r => (await scheme.LeaveAsync(employerId, r, ct)).ToCreated(_ => Location(employerId), m => m)))
            .ProducesCreated<EmployerMembership>();
        membership.MapPost("/events", (string employerId, JsonBody<RecordSchemeEvent> body, SchemeMembership scheme, CancellationToken ct) =>
            body.ThenAsync(async r => (await scheme.RecordEventAsync(employerId, r, ct)).ToCreated(_ => Location(employerId), m => m)))
            .ProducesCreated<EmployerMembership>();
        membership.MapPost("/sessions", (string employerId, JsonBody<LogSupportSession> body, SchemeMembership scheme, CancellationToken ct) =>
            body.ThenAsync(async r => (await scheme.LogSessionAsync(employerId, r, ct)).ToCreated(_ => Location(employerId), m => m)))
            .ProducesCreated<EmployerMembership>();
        return app;
    }

    private static string Location(string employerId) => $"/api/employers/{employerId}/membership";

    /// <summary>Who is acting, by staff id only (the audit log keeps no names).</summary>
    internal static string StaffIdOf(HttpContext http) => http.User.FindFirst(StaffClaims.Id)?.Value ?? "unknown";
}
