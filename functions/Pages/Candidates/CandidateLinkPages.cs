using System.Globalization;
using Apprenticeships.Application.Settings;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace Apprenticeships.Functions.Pages.Candidates;

/// <summary>
/// The pages behind candidates' emailed links, in the hub's GOV.UK layout (no staff navigation for
/// a candidate, who is never signed in). Opening a link (GET) only shows a question with a button:
/// mail scanners fetch links, so only the button's POST acts. The answer is checked against where
/// the candidate is now (<see cref="CandidateLinkAnswers"/>), and the page says what really
/// happened. An expired, altered or unknown link gets a friendly page and changes nothing.
/// </summary>
public static class CandidateLinkPages
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static IEndpointRouteBuilder MapCandidateLinkPages(this IEndpointRouteBuilder app)
    {
        // Public: the signed token is the candidate's only credential.
        var links = app.MapGroup("/l").AllowAnonymous();
        links.MapGet("/{token}", (HttpContext http, string token, CandidateLinks links, IOptions<HubOptions> hub) =>
        {
            var link = links.Read(token, out var problem);
            if (link is null) return Message(http, StatusCodes.Status400BadRequest, "This link does not work", problem!);
            var (question, detail, button) = link.Purpose switch
            {
                LinkPurpose.ConfirmInterest => ("Would you like the hub's help?",
                    $"{Capitalised(hub.Value.NameInSentence)} helps people find work, training and apprenticeships. Tell us you are interested and your advisor will be in touch about the next step.",
                    "Yes, I am interested"),
                LinkPurpose.Decline => ("Do you want to stop hearing from the hub?", "If you do not want the hub's help, tell us here.", "Yes, stop contacting me"),
                LinkPurpose.ConfirmAttendance => ($"Will you come to the session on {Long(link.Session.Date)}?", "Tell us you are coming.", "Yes, I will be there"),
                _ => ("Do you want to leave the programme?", "Your advisor will be told.", "Yes, I want to leave"),
            };
            return PageLayout.Render(http, question, Html.Of($"""
                <h1 class="govuk-heading-l">{question}</h1>
                <p class="govuk-body">{detail}</p>
                <form method="post" novalidate>
                  {PageLayout.Antiforgery(http)}
                  <button type="submit" class="govuk-button" data-module="govuk-button" data-prevent-double-click="true">{button}</button>
                </form>
                """));
        });
        // The form carries an anti-forgery token like every form of the app; a post without it gets the
        // "form has expired" page (FormProtection) and answers nothing.
        links.MapPost("/{token}", async (HttpContext http, string token, CandidateLinks links, CandidateLinkAnswers answers, CancellationToken ct) =>
        {
            var link = links.Read(token, out var problem);
            if (link is null) return Message(http, StatusCodes.Status400BadRequest, "This link does not work", problem!);
            return Answered(http, link, await answers.AnswerAsync(link, ct));
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());
        return app;
    }

    private static IResult Answered(HttpContext http, CandidateLink link, LinkAnswer answer)
    {
        const int ok = StatusCodes.Status200OK;
        var told = answer.Repeat ? "We had already told" : "We have told";
        return answer.Outcome switch
        {
            LinkOutcome.InterestConfirmed => Message(http, ok, "Thank you", "Thank you for confirming. Your advisor will be in touch about the next step."),
            LinkOutcome.Declined => Message(http, ok, "We will not contact you again", "Thank you for letting us know. Your referral is closed."),
            LinkOutcome.SessionConfirmed => Message(http, ok, "Thank you", $"Thank you. We look forward to seeing you on {Long(answer.Date!.Value)}."),
            LinkOutcome.Left => Message(http, ok, "You have left the programme", "Your advisor has been told. Thank you for taking part."),
            LinkOutcome.WithdrawnAfterConfirming => Message(http, ok, "You have left the programme",
                "You had told us you were interested. As you have now asked, we have taken you off the programme and will not contact you again about it.",
                "Your advisor has been told."),
            LinkOutcome.AdvisorTold => Message(http, ok, "We have told your advisor",
                $"You are {Where(answer.Stage)}, so this link has not taken you off the programme: leaving could affect your place.",
                $"{told} your advisor that you want to {(link.Purpose == LinkPurpose.Decline ? "stop hearing from the hub" : "leave")}, and they will contact you to talk it through."),
            LinkOutcome.AlreadyRecorded => Message(http, ok, "We already have your answer", link.Purpose switch
            {
                LinkPurpose.ConfirmInterest => "You have already told us you are interested. There is nothing more to do.",
                LinkPurpose.Decline => "You have already told us you do not want to take part. We will not contact you again.",
                LinkPurpose.ConfirmAttendance => $"You have already told us you are coming on {Long(link.Session.Date)}. We look forward to seeing you.",
                _ => "You have already left the programme. Your advisor has been told.",
            }),
            LinkOutcome.ClosedAdvisorTold => Message(http, ok, "Your referral was closed",
                $"{Closed(answer)} This link did not change that.",
                $"{told} the hub that you came back, and an advisor will contact you."),
            LinkOutcome.ClosedNothingToDo => Message(http, ok, "Your referral is already closed",
                $"{Closed(answer)} We will not contact you about it.", "If you would like the hub's help again, please contact the hub."),
            LinkOutcome.SessionPassed => Message(http, ok, "This session has already taken place",
                $"The session on {Long(answer.Date!.Value)} has passed, so we have not recorded a reply.", "If you missed it, please contact your advisor."),
            LinkOutcome.PlaceEnded => Message(http, ok, "Your place on this academy has ended",
                "So we have not recorded a reply.", "If you think this is wrong, please contact your advisor."),
            LinkOutcome.PassedToAdvisor => Message(http, ok, "We have passed your answer to the hub",
                "We could not record your answer automatically, so we have told the hub. An advisor will contact you."),
            LinkOutcome.Erased => Message(http, StatusCodes.Status410Gone, "Your record has been erased",
                "The hub no longer holds your details, so this link does nothing. Contact the hub if you would like its help again."),
            _ => Message(http, StatusCodes.Status404NotFound, "We could not find your details", "Please contact your advisor."),
        };
    }

    /// <summary>Why and since when the candidate's record is closed, in their words.</summary>
    private static string Closed(LinkAnswer answer) => answer.Stage switch
    {
        CandidateStage.NoResponse => $"We closed your referral on {Long(answer.Date!.Value)} because we had not heard from you.",
        CandidateStage.Completed => $"You finished the programme on {Long(answer.Date!.Value)}, so your referral is closed.",
        _ => $"Your referral was closed on {Long(answer.Date!.Value)}.",
    };

    private static string Where(CandidateStage? stage) => stage switch
    {
        CandidateStage.InSwap => "on an academy",
        CandidateStage.InWork => "in work",
        CandidateStage.AwaitingCohort => "about to start an apprenticeship",
        CandidateStage.InTraining => "on an apprenticeship",
        _ => "on the programme",
    };

    private static IResult Message(HttpContext http, int status, string title, params string[] paragraphs) =>
        PageLayout.Render(http, title, Html.Of($"""
            <h1 class="govuk-heading-l">{title}</h1>
            {paragraphs.Select(p => Html.Of($"<p class=\"govuk-body\">{p}</p>"))}
            """), status);

    private static string Long(DateOnly day) => day.ToString("dddd d MMMM yyyy", English);

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
