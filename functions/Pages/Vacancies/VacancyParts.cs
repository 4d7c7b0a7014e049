using Apprenticeships.Application.Vacancies.Commands;
using Apprenticeships.Application.Vacancies.Queries;
using Apprenticeships.Domain.Vacancies;

namespace Apprenticeships.Functions.Pages.Vacancies;

/// <summary>
/// What the staff vacancy pages and the employer portal share: a vacancy's summary, the people put
/// forward (name and the hub's note only, never contact details), and the decision form.
/// </summary>
public static class VacancyParts
{
    public static readonly string[] DecisionFields = ["decision", "reason", "startDate"];

    public static Html StatusTag(VacancyStatus status) => status switch
    {
        VacancyStatus.Open => Html.Of($"<strong class=\"govuk-tag govuk-tag--green\">Open</strong>"),
        VacancyStatus.Filled => Html.Of($"<strong class=\"govuk-tag govuk-tag--blue\">Filled</strong>"),
        _ => Html.Of($"<strong class=\"govuk-tag govuk-tag--grey\">Closed</strong>"),
    };

    public static string Pay(Pay pay) => pay.Per == PayPeriod.Hourly ? $"£{pay.Amount:#,0.00} an hour" : $"£{pay.Amount:#,0.00} a year";

    public static Html Summary(VacancyView view)
    {
        var v = view.Vacancy;
        return Html.Of($"""
            <dl class="govuk-summary-list" id="vacancy-summary">
              {PageParts.Row("Status", StatusTag(view.Status))}
              {PageParts.Row("Employer", view.EmployerName)}
              {(view.SiteName is null ? Html.Empty : PageParts.Row("Site", view.SiteName))}
              {PageParts.Row("Sector", v.Sector)}
              {PageParts.Row("Apprenticeship", v.IsApprenticeship ? "Yes" : "No")}
              {PageParts.Row("Hours per week", v.HoursPerWeek.ToString("0.##", PageParts.EnGb))}
              {PageParts.Row("Pay", Pay(v.Pay))}
              {PageParts.Row("Positions", $"{v.Filled.Count} of {v.Positions} filled")}
              {PageParts.Row("Posted", PageParts.LongDate(v.PostedOn))}
              {PageParts.Row("Closing date", PageParts.LongDate(v.ClosingDate))}
            </dl>
            """);
    }

    public static string Said(EmployerDecision? decision) => decision switch
    {
        null => "Waiting for a decision",
        EmployerDecision.Interview => "Interview",
        EmployerDecision.Offered => "Offered",
        EmployerDecision.NotSelected => "Not selected",
        _ => "Offer accepted",
    };

    public static bool IsFinal(EmployerDecision? decision) => decision is EmployerDecision.NotSelected or EmployerDecision.OfferAccepted;

    /// <summary>Everyone put forward, with a link to record a decision at <paramref name="decideHref"/>(candidate id) while one can still be made.</summary>
    public static Html People(IReadOnlyList<PutForwardView> people, Func<string, string> decideHref)
    {
        if (people.Count == 0) return Html.Of($"<p class=\"govuk-body\" id=\"no-put-forwards\">Nobody has been put forward yet.</p>");
        var rows = people.Select(p => Html.Of($"""
            <tr class="govuk-table__row" data-candidate="{p.CandidateId}">
              <td class="govuk-table__cell">{p.Name}</td>
              <td class="govuk-table__cell">{p.Note ?? ""}</td>
              <td class="govuk-table__cell">{Said(p.Decision)}{(p.Reason is null ? Html.Empty : Html.Of($": {p.Reason}"))}{(p.StartDate is { } s ? Html.Of($", starts {PageParts.LongDate(s)}") : Html.Empty)}</td>
              <td class="govuk-table__cell">{(IsFinal(p.Decision) || p.Name == VacancyQueries.ErasedName ? Html.Empty
                  : Html.Of($"<a class=\"govuk-link\" href=\"{decideHref(p.CandidateId)}\">Record a decision<span class=\"govuk-visually-hidden\"> about {p.Name}</span></a>"))}</td>
            </tr>
            """));
        return Html.Of($"""
            <table class="govuk-table" id="put-forwards">
              <caption class="govuk-table__caption govuk-visually-hidden">People put forward</caption>
              <thead class="govuk-table__head"><tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">Name</th><th scope="col" class="govuk-table__header">Note from the hub</th>
                <th scope="col" class="govuk-table__header">Decision</th><th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">Action</span></th>
              </tr></thead>
              <tbody class="govuk-table__body">{rows}</tbody>
            </table>
            """);
    }

    /// <summary>The decision form's values as the command reads them, and a start date the boxes cannot make.</summary>
    public static (RecordDecision Command, (string, string?)[] Own) ReadDecision(string candidateId, Dictionary<string, string?> v)
    {
        var (start, problem) = PageParts.DateFromBoxes(v, "startDate", "Start date");
        var decision = PageParts.Choice<EmployerDecision>(v.GetValueOrDefault("decision"));
        return (new RecordDecision(candidateId, decision, v.GetValueOrDefault("reason"), decision == EmployerDecision.OfferAccepted ? start : null),
            [("startDate", decision == EmployerDecision.OfferAccepted ? problem : null)]);
    }

    /// <summary>The page to record a decision about one person put forward; it offers only the decisions that may come next.</summary>
    public static IResult DecisionPage(HttpContext http, VacancyView view, PutForwardView person, string action, string back,
        Dictionary<string, string?> v, Dictionary<string, string[]> errors, DateOnly today)
    {
        var next = Enum.GetValues<EmployerDecision>().Where(d => PutForwardRules.Allows(person.Decision, d))
            .Select(d => (d.ToString(), d switch
            {
                EmployerDecision.Interview => "Invite to interview",
                EmployerDecision.Offered => "Offer the job",
                EmployerDecision.NotSelected => "Not selected",
                _ => "Offer accepted: they will start",
            })).ToList();
        var title = $"Record a decision about {person.Name}";
        return PageLayout.Render(http, title, Html.Of($"""
            <a href="{back}" class="govuk-back-link">Back</a>
            <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
              {FormFields.ErrorSummary(errors, DecisionFields)}
              <span class="govuk-caption-l">{view.Vacancy.Role}, {view.EmployerName}</span>
              <h1 class="govuk-heading-l">{title}</h1>
              <p class="govuk-body">Decision so far: {Said(person.Decision)}.</p>
              <form method="post" action="{action}" novalidate>
                {PageLayout.Antiforgery(http)}
                {FormFields.Radios("decision", "Decision", next, v.GetValueOrDefault("decision"), errors)}
                {FormFields.TextArea("reason", "Reason (needed if not selected)", v.GetValueOrDefault("reason"), errors)}
                {FormFields.Date("startDate", "Start date (needed if the offer is accepted)", PageParts.Boxes(v, "startDate"), errors,
                    hint: $"Their first day. For example, {today.AddDays(14).Day} {today.AddDays(14).Month} {today.AddDays(14).Year}")}
                {FormFields.Button("Record decision")}
              </form>
            </div></div>
            """), errors.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, hasErrors: errors.Count > 0);
    }

    /// <summary>
    /// What the vacancy page says after a decision about <paramref name="person"/>; for an accepted
    /// offer, staff also see whether the job start was recorded (null: not said, as in the employer portal).
    /// </summary>
    public static Html DecisionNotice(PutForwardView person, bool? jobStartRecorded)
    {
        if (person.Decision != EmployerDecision.OfferAccepted)
            return PageParts.SuccessBanner(Html.Of($"<span id=\"decision-result\">Decision recorded for {person.Name}: {Said(person.Decision)}.</span>"));
        var start = jobStartRecorded switch
        {
            true => Html.Of($" Their job start is recorded, so their sustainment checks will follow."),
            false => Html.Of($" Their job start is not recorded yet (they are not free to start, for example still on an academy): record it on their page when they start."),
            null => Html.Empty,
        };
        return PageParts.SuccessBanner(Html.Of($"<span id=\"decision-result\">Offer accepted: {person.Name} fills a position{(person.StartDate is { } s ? $", starting {PageParts.LongDate(s)}" : "")}.{start}</span>"));
    }
}
