using System.Net;
using Apprenticeships.Durable;
using Apprenticeships.Durable.Client;
using Apprenticeships.Functions.Candidates;
using Apprenticeships.Functions.Orchestrations;
using Apprenticeships.Storage.Candidates;

namespace Apprenticeships.Functions.Http.Candidates;

/// <summary>
/// The pages behind candidates' emailed links. Opening a link (GET) only shows a question with a
/// button: mail scanners fetch links, so only the button's POST acts. An expired, altered or
/// unknown link gets a friendly page and changes nothing.
/// </summary>
public static class CandidateLinkPages
{
    public static IEndpointRouteBuilder MapCandidateLinkPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/l/{token}", (string token, CandidateLinks links) =>
        {
            var link = links.Read(token, out var problem);
            if (link is null) return Page(StatusCodes.Status400BadRequest, "This link does not work", problem!);
            var (question, button) = link.Purpose == LinkPurpose.ConfirmInterest
                ? ("Would you like the hub's help finding work, training or an apprenticeship?", "Yes, I am interested")
                : ("Do you want to stop hearing from the hub?", "Yes, stop contacting me");
            return Page(StatusCodes.Status200OK, "Confirm your answer",
                $"<p>{WebUtility.HtmlEncode(question)}</p><form method=\"post\"><button type=\"submit\">{WebUtility.HtmlEncode(button)}</button></form>");
        });
        app.MapPost("/l/{token}", async (string token, CandidateLinks links, CandidateStore candidates, DurableTaskClient workflows, CancellationToken ct) =>
        {
            var link = links.Read(token, out var problem);
            if (link is null) return Page(StatusCodes.Status400BadRequest, "This link does not work", problem!);
            if (await candidates.GetAsync(link.CandidateId, ct) is null)
                return Page(StatusCodes.Status404NotFound, "We could not find your details", "Please contact your advisor.");
            var answer = link.Purpose == LinkPurpose.ConfirmInterest ? "confirmed" : "declined";
            try
            {
                // The event id makes a double click (or a resend) one answer.
                await workflows.RaiseEventAsync(CandidateJourney.InstanceId(link.CandidateId), CandidateJourney.InterestEvent, answer, eventId: $"link-{answer}", ct);
            }
            catch (InstanceNotFoundException)
            {
                return Page(StatusCodes.Status404NotFound, "We could not find your details", "Please contact your advisor.");
            }
            return answer == "confirmed"
                ? Page(StatusCodes.Status200OK, "Thank you", "<p>Thank you for confirming. Your advisor will be in touch about the next step.</p>")
                : Page(StatusCodes.Status200OK, "We will not contact you again", "<p>Thank you for letting us know.</p>");
        });
        return app;
    }

    private static IResult Page(int status, string title, string body) => Results.Content(
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(title)}</title></head>" +
        $"<body><main><h1>{WebUtility.HtmlEncode(title)}</h1>{(body.StartsWith('<') ? body : $"<p>{WebUtility.HtmlEncode(body)}</p>")}</main></body></html>",
        "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
}
