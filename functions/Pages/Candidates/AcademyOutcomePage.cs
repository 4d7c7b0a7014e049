namespace Apprenticeships.Functions.Pages.Candidates;

/// <summary>How a member's academy ended, and the offer a successful interview brought (<see cref="AcademyOutcomes"/>).</summary>
public static class AcademyOutcomePage
{
    private static readonly string[] FieldOrder = ["outcome", "offer", "reason"];

    private static readonly (string, string)[] Outcomes =
    [
        (nameof(SwapOutcome.CompletedSuccessful), "Completed, and the interview was successful"),
        (nameof(SwapOutcome.CompletedUnsuccessful), "Completed, but the interview was not successful"),
        (nameof(SwapOutcome.DidNotComplete), "Did not complete the academy"),
    ];

    private static readonly (string, string)[] Offers =
    [
        (nameof(SwapOffer.None), "No offer"),
        (nameof(SwapOffer.Job), "A job"),
        (nameof(SwapOffer.Apprenticeship), "An apprenticeship"),
    ];

    public static IEndpointRouteBuilder MapAcademyOutcomePage(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/candidates/{id}/academy-outcome").RequireAuthorization(StaffPolicies.Candidates).AddEndpointFilter<PersonalDataAudit>();
        group.MapGet("", async (HttpContext http, string id, CandidateQueries candidates, CancellationToken ct) =>
            await candidates.GetAsync(id, ct) is { } c ? await FormAsync(http, c, new() { ["offer"] = nameof(SwapOffer.None) }, [], ct) : NotFound(http));

        group.MapPost("", async (HttpContext http, string id, IFormCollection form, CandidateQueries candidates, AcademyOutcomes outcomes, CancellationToken ct) =>
        {
            if (await candidates.GetAsync(id, ct) is not { } candidate) return NotFound(http);
            var values = PageParts.Values(form);
            if (candidate.AcademyId is not { } academyId) return await FormAsync(http, candidate, values, [], ct);
            var offer = PageParts.Choice<SwapOffer>(values.GetValueOrDefault("offer"));
            var recorded = await outcomes.RecordAsync(academyId, new RecordAcademyOutcome(candidate.Id,
                PageParts.Choice<SwapOutcome>(values.GetValueOrDefault("outcome")), offer, values.GetValueOrDefault("reason")), ct);
            return recorded.Problem is { } problem
                ? await FormAsync(http, candidate, values, PageParts.OnFields(problem.Errors, FieldOrder, "outcome"), ct)
                : Results.Redirect($"/academies/{academyId}?outcome={candidate.Id}&offer={recorded.Done.Value.Offer}");
        });
        return app;
    }

    private static async Task<IResult> FormAsync(HttpContext http, Candidate c, Dictionary<string, string?> v, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        var name = $"{c.GivenName} {c.FamilyName}";
        var academy = c.AcademyId is { } academyId ? await http.RequestServices.GetRequiredService<ProgrammeQueries>().AcademyAsync(academyId, ct) : null;
        if (academy?.Value is not { } details || c.Stage != CandidateStage.InSwap && errors.Count == 0)
            return PageLayout.Render(http, "Academy outcome", Html.Of($"""
                <span class="govuk-caption-l">{name}</span>
                <h1 class="govuk-heading-l">Academy outcome</h1>
                <p class="govuk-body" id="not-on-academy">{name} is not on an academy now (stage: {StageNames.Of(c.Stage)}), so there is no outcome to record.</p>
                <p class="govuk-body"><a class="govuk-link" href="/candidates/{c.Id}">Back to {name}</a></p>
                """), HttpMethods.IsPost(http.Request.Method) ? StatusCodes.Status409Conflict : StatusCodes.Status200OK);
        var a = details.Academy;
        return PageLayout.Render(http, $"Academy outcome for {name}", Html.Of($"""
            <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
              {FormFields.ErrorSummary(errors, FieldOrder)}
              <span class="govuk-caption-l">{a.Name}, {a.EmployerName}</span>
              <h1 class="govuk-heading-l">Academy outcome for {name}</h1>
              <p class="govuk-body">The interview was on {PageParts.LongDate(a.InterviewDate)}. Without an offer, {c.GivenName} is emailed about what could come next and you are asked to agree it with them.</p>
              <form method="post" action="/candidates/{c.Id}/academy-outcome" novalidate>
                {PageLayout.Antiforgery(http)}
                {FormFields.Radios("outcome", "How did the academy end?", Outcomes, v.GetValueOrDefault("outcome"), errors)}
                {FormFields.Radios("offer", "What did the interview offer?", Offers, v.GetValueOrDefault("offer"), errors, hint: "Only a successful interview comes with a job or apprenticeship offer. Record the job start itself once they begin.")}
                {FormFields.TextArea("reason", "Reason (optional)", v.GetValueOrDefault("reason"), errors, hint: "Needed if they did not complete: why they left")}
                {FormFields.Button("Record outcome")}
              </form>
              <p class="govuk-body"><a class="govuk-link" href="/academies/{a.Id}">Back to {a.Name}</a></p>
            </div></div>
            """), errors.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, hasErrors: errors.Count > 0);
    }

    private static IResult NotFound(HttpContext http) => PageParts.NotFound(http, "Candidate", "/candidates", "Find a candidate");
}
