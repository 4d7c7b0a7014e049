using Apprenticeships.Application.Staff.Commands;
using Apprenticeships.Domain.Staff;
using System.Globalization;

namespace Apprenticeships.Functions.Pages.Candidates;

/// <summary>Enrol a candidate from a referral: the API's own rules (ReferralRules), their messages beside the fields.</summary>
public static class EnrolPage
{
    private static readonly string[] FieldOrder = ["givenName", "familyName", "email", "postcode", "dateOfBirth", "source", "consent", "lawfulBasis", "advisorId"];

    private static readonly (string, string)[] Sources =
    [
        (nameof(ReferralSource.JobcentreWorkCoach), "Jobcentre work coach"),
        (nameof(ReferralSource.NationalCareersService), "National Careers Service"),
        (nameof(ReferralSource.CareLeaverTeam), "Care-leaver team"),
        (nameof(ReferralSource.Employer), "Employer"),
        (nameof(ReferralSource.SelfReferral), "Self-referral"),
    ];

    public static IEndpointRouteBuilder MapEnrolPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/candidates/new", async (HttpContext http, AdvisorDirectory advisors, CancellationToken ct) =>
            Form(http, await advisors.ListAsync(ct), new Dictionary<string, string?>
            {
                ["advisorId"] = http.User.FindFirst(StaffClaims.Id)?.Value, ["lawfulBasis"] = "Public task",
                // One key per form shown: pressing the button again, or resending after a lost answer, is the same enrolment.
                ["enrolmentKey"] = Guid.NewGuid().ToString("N"),
            }, []))
            .RequireAuthorization(StaffPolicies.Candidates);

        app.MapPost("/candidates/new", async (HttpContext http, IFormCollection form, CandidateEnrolment enrolment, AdvisorDirectory advisors, CancellationToken ct) =>
        {
            var values = form.Keys.ToDictionary(k => k, k => (string?)form[k].ToString());
            var (born, dateProblem) = DateOfBirth(values);
            var command = new EnrolCandidate(values.GetValueOrDefault("givenName"), values.GetValueOrDefault("familyName"), values.GetValueOrDefault("email"),
                values.GetValueOrDefault("postcode"), born,
                Enum.TryParse<ReferralSource>(values.GetValueOrDefault("source"), out var source) && Enum.IsDefined(source) ? source : null,
                values.GetValueOrDefault("consent") == "true", values.GetValueOrDefault("lawfulBasis"), values.GetValueOrDefault("advisorId"));
            if (dateProblem is not null)
            {
                // The three date boxes did not make a date: show it with the referral's other problems, if any.
                var errors = enrolment.Check(command.ToReferral());
                errors["dateOfBirth"] = [dateProblem];
                return Form(http, await advisors.ListAsync(ct), values, errors);
            }
            var enrolled = await enrolment.EnrolAsync(command, ct, values.GetValueOrDefault("enrolmentKey"));
            return enrolled.Problem is { } problem ? Form(http, await advisors.ListAsync(ct), values, problem.ToDictionary()) : Results.Redirect($"/candidates/{enrolled.Value!.Id}?enrolled=1");
        }).RequireAuthorization(StaffPolicies.Candidates);
        return app;
    }

    /// <summary>Three boxes to a date; a partly filled or impossible date is its own message.</summary>
    private static (DateOnly? Date, string? Problem) DateOfBirth(Dictionary<string, string?> values)
    {
        var parts = new[] { "day", "month", "year" }.Select(p => values.GetValueOrDefault($"dateOfBirth-{p}")?.Trim()).ToArray();
        if (parts.All(string.IsNullOrEmpty)) return (null, null);
        if (parts.Any(string.IsNullOrEmpty)) return (null, "Date of birth must include a day, month and year.");
        return int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var d) && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 9999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m)
            ? (new DateOnly(y, m, d), null)
            : (null, "Date of birth must be a real date, like 27 3 2007.");
    }

    private static IResult Form(HttpContext http, List<Advisor> directory, Dictionary<string, string?> v, Dictionary<string, string[]> errors)
    {
        string? V(string name) => v.GetValueOrDefault(name);
        // Advisors by name from the directory; an id not in it (the signed-in user's, or one typed before) stays choosable under its id,
        // and a hub that has no directory yet types the staff id.
        var advisor = directory.Count == 0
            ? FormFields.Text("advisorId", "Advisor", V("advisorId"), errors, hint: "The advisor's staff id; yours unless you are enrolling for someone else. Add advisors to the directory to choose them by name.", width: "govuk-input--width-20", spellcheck: false)
            : FormFields.Select("advisorId", "Advisor", directory.OrderBy(a => a.Name, StringComparer.CurrentCulture).Select(a => (a.Id, a.Name))
                    .Concat(V("advisorId") is { Length: > 0 } other && directory.All(a => a.Id != other) ? [(other, other == http.User.FindFirst(StaffClaims.Id)?.Value ? $"You ({other}, not in the advisor directory)" : other)] : []),
                V("advisorId"), errors, hint: "Who will look after them: their emails name this advisor");
        return PageLayout.Render(http, "Enrol a candidate", Html.Of($"""
            <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
              {FormFields.ErrorSummary(errors, FieldOrder)}
              <h1 class="govuk-heading-l">Enrol a candidate</h1>
              <p class="govuk-body">From their referral. They will be emailed a welcome with a link to confirm their interest.</p>
              <form method="post" action="/candidates/new" novalidate>
                {PageLayout.Antiforgery(http)}
                <input type="hidden" name="enrolmentKey" value="{V("enrolmentKey")}">
                {FormFields.Text("givenName", "First name", V("givenName"), errors, autocomplete: "off", spellcheck: false)}
                {FormFields.Text("familyName", "Last name", V("familyName"), errors, autocomplete: "off", spellcheck: false)}
                {FormFields.Text("email", "Email address", V("email"), errors, type: "email", autocomplete: "off", width: "govuk-input--width-30", spellcheck: false)}
                {FormFields.Text("postcode", "Postcode", V("postcode"), errors, width: "govuk-input--width-10", autocomplete: "off")}
                {FormFields.Date("dateOfBirth", "Date of birth", (V("dateOfBirth-day"), V("dateOfBirth-month"), V("dateOfBirth-year")), errors, hint: "For example, 27 3 2007")}
                {FormFields.Radios("source", "Who referred them?", Sources, V("source"), errors)}
                {FormFields.Checkbox("consent", "Consent", "The candidate agrees to the hub holding their details", V("consent") == "true", errors)}
                {FormFields.Text("lawfulBasis", "Lawful basis for holding their details", V("lawfulBasis"), errors, width: "govuk-input--width-20")}
                {advisor}
                {FormFields.Button("Enrol candidate")}
              </form>
            </div></div>
            """), errors.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, hasErrors: errors.Count > 0);
    }
}
