using System.Net;
using Apprenticeships.Durable;
using Apprenticeships.Durable.Client;
using Apprenticeships.Functions.Candidates;
using Apprenticeships.Functions.Orchestrations;
using Apprenticeships.Domain.Candidates;
using Apprenticeships.Domain.Programmes;
using Apprenticeships.Storage.Candidates;
using Apprenticeships.Storage.Programmes;

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
                LinkPurpose.ConfirmAttendance => ($"Will you come to the session on {SessionOf(link).Date:dddd d MMMM yyyy}?", "Yes, I will be there"),
                _ => ("Do you want to leave the programme? Your advisor will be told.", "Yes, I want to leave"),
            };
            return Page(StatusCodes.Status200OK, "Confirm your answer",
                $"<p>{WebUtility.HtmlEncode(question)}</p><form method=\"post\"><button type=\"submit\">{WebUtility.HtmlEncode(button)}</button></form>");
        });
        links.MapPost("/{token}", async (string token, CandidateLinks links, CandidateStore candidates, ProgrammeRecords records,
            CandidateWithdrawal withdrawal, DurableTaskClient workflows, TimeProvider clock, CancellationToken ct) =>
        {
            var link = links.Read(token, out var problem);
            if (link is null) return Page(StatusCodes.Status400BadRequest, "This link does not work", problem!);
            var candidate = await candidates.GetAsync(link.CandidateId, ct);
            if (candidate is null) return NotFound();
            switch (link.Purpose)
            {
                case LinkPurpose.ConfirmAttendance:
                    var (academyId, date) = SessionOf(link);
                    if (candidate.AcademyId != academyId || candidate.Stage.IsClosed()) return NotFound();
                    await records.AddAsync(new ProgrammeRecord(candidate.Id, $"session-reply-{academyId}-{date:yyyy-MM-dd}", RecordKind.SessionReply, clock.GetUtcNow())
                    {
                        ProgrammeId = academyId, Date = date, Value = "Coming",
                    }, ct);
                    return Page(StatusCodes.Status200OK, "Thank you", $"<p>Thank you. We look forward to seeing you on {date:dddd d MMMM yyyy}.</p>");
                case LinkPurpose.Withdraw:
                    if (!candidate.Stage.IsClosed())
                        await withdrawal.WithdrawAsync(candidate, "Left at their own request", "The candidate left the programme through their email link.", ct);
                    return Page(StatusCodes.Status200OK, "You have left the programme", "<p>Your advisor has been told. Thank you for taking part.</p>");
            }
            var answer = link.Purpose == LinkPurpose.ConfirmInterest ? "confirmed" : "declined";
            try
            {
                // The event id makes a double click (or a resend) one answer.
                await workflows.RaiseEventAsync(Instances.Journey(link.CandidateId), Events.Interest, answer, eventId: $"link-{answer}", ct);
            }
            catch (InstanceNotFoundException)
            {
                return NotFound();
            }
            return answer == "confirmed"
                ? Page(StatusCodes.Status200OK, "Thank you", "<p>Thank you for confirming. Your advisor will be in touch about the next step.</p>")
                : Page(StatusCodes.Status200OK, "We will not contact you again", "<p>Thank you for letting us know.</p>");
        });
        return app;
    }

    private static (string AcademyId, DateOnly Date) SessionOf(CandidateLink link)
    {
        var slash = link.Context!.LastIndexOf('/');
        return (link.Context[..slash], DateOnly.ParseExact(link.Context[(slash + 1)..], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static IResult NotFound() => Page(StatusCodes.Status404NotFound, "We could not find your details", "Please contact your advisor.");

    private static IResult Page(int status, string title, string body) => Results.Content(
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(title)}</title></head>" +
        $"<body><main><h1>{WebUtility.HtmlEncode(title)}</h1>{(body.StartsWith('<') ? body : $"<p>{WebUtility.HtmlEncode(body)}</p>")}</main></body></html>",
        "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
}
