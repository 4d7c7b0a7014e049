using System.Net;

namespace Apprenticeships.Functions.Pages.Candidates;

/// <summary>
/// The pages behind candidates' emailed links. Opening a link (GET) only shows a question with a
/// button: mail scanners fetch links, so only the button's POST acts. An expired, altered or
/// unknown link gets a friendly page and changes nothing.
/// </summary>
public static class CandidateLinkPages
{
    public static IEndpointRouteBuilder MapCandidateLinkPages(this IEndpointRouteBuilder app)
    {
        // Public: the signed token is the candidate's only credential.
        var links = app.MapGroup("/l").AllowAnonymous();
        links.MapGet("/{token}", (string token, CandidateLinks links) =>
        {
            var link = links.Read(token, out var problem);
            if (link is null) return Page(StatusCodes.Status400BadRequest, "This link does not work", problem!);
            var (question, button) = link.Purpose switch
            {
                LinkPurpose.ConfirmInterest => ("Would you like the hub's help finding work, training or an apprenticeship?", "Yes, I am interested"),
                LinkPurpose.Decline => ("Do you want to stop hearing from the hub?", "Yes, stop contacting me"),
                LinkPurpose.ConfirmAttendance => ($"Will you come to the session on {link.Session.Date:dddd d MMMM yyyy}?", "Yes, I will be there"),
                _ => ("Do you want to leave the programme? Your advisor will be told.", "Yes, I want to leave"),
            };
            return Page(StatusCodes.Status200OK, "Confirm your answer",
                $"<p>{WebUtility.HtmlEncode(question)}</p><form method=\"post\"><button type=\"submit\">{WebUtility.HtmlEncode(button)}</button></form>");
        });
        links.MapPost("/{token}", async (string token, CandidateLinks links, CandidateLinkAnswers answers, CancellationToken ct) =>
        {
            var link = links.Read(token, out var problem);
            if (link is null) return Page(StatusCodes.Status400BadRequest, "This link does not work", problem!);
            return await answers.AnswerAsync(link, ct) switch
            {
                LinkAnswer.SessionConfirmed => Page(StatusCodes.Status200OK, "Thank you", $"<p>Thank you. We look forward to seeing you on {link.Session.Date:dddd d MMMM yyyy}.</p>"),
                LinkAnswer.Left => Page(StatusCodes.Status200OK, "You have left the programme", "<p>Your advisor has been told. Thank you for taking part.</p>"),
                LinkAnswer.InterestConfirmed => Page(StatusCodes.Status200OK, "Thank you", "<p>Thank you for confirming. Your advisor will be in touch about the next step.</p>"),
                LinkAnswer.Declined => Page(StatusCodes.Status200OK, "We will not contact you again", "<p>Thank you for letting us know.</p>"),
                LinkAnswer.Erased => Page(StatusCodes.Status410Gone, "Your record has been erased", "The hub no longer holds your details, so this link does nothing. Contact the hub if you would like its help again."),
                _ => Page(StatusCodes.Status404NotFound, "We could not find your details", "Please contact your advisor."),
            };
        });
        return app;
    }

    private static IResult Page(int status, string title, string body) => Results.Content(
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(title)}</title></head>" +
        $"<body><main><h1>{WebUtility.HtmlEncode(title)}</h1>{(body.StartsWith('<') ? body : $"<p>{WebUtility.HtmlEncode(body)}</p>")}</main></body></html>",
        "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
}
