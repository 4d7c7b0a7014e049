using System.Globalization;
using System.Text.Json;
using Apprenticeships.Email;
using Microsoft.AspNetCore.Http.HttpResults;
using SendGrid.Helpers.EventWebhook;

namespace Apprenticeships.Functions.Http.Email;

public static class EmailApi
{
    public const string SignatureHeader = "X-Twilio-Email-Event-Webhook-Signature";
    public const string TimestampHeader = "X-Twilio-Email-Event-Webhook-Timestamp";

    /// <summary>POST /api/email/events (SendGrid's signed event webhook) and, in Development, GET /api/dev/outbox.</summary>
    public static IEndpointRouteBuilder MapEmailApi(this IEndpointRouteBuilder app, IHostEnvironment environment)
    {
        // Public: SendGrid signs each post, and an unsigned one changes nothing.
        app.MapPost("/api/email/events", ReceiveEventsAsync).AllowAnonymous().WithTags("Email")
            .AcceptsJson<JsonElement[]>().Produces(StatusCodes.Status401Unauthorized)
            .WithDescription($"SendGrid's event webhook: a JSON array of events, signed ({SignatureHeader}, {TimestampHeader}). An unsigned, wrongly signed or stale post is 401 and changes nothing.");
        if (environment.IsDevelopment())
        {
            app.MapGet("/api/dev/outbox", async (PickupDelivery outbox, CancellationToken ct) => TypedResults.Ok(await outbox.ListAsync(200, ct)))
                .RequireAuthorization(StaffPolicies.AnyStaff).WithTags("Development");
        }
        return app;
    }

    private static async Task<Results<Ok<EventsReceived>, UnauthorizedHttpResult, ValidationProblem>> ReceiveEventsAsync(
        HttpRequest request, EmailOptions options, EmailEventProcessor events, TimeProvider clock, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(ct);
        if (!IsSignedBySendGrid(request, body, options, clock)) return TypedResults.Unauthorized();

        JsonElement parsed;
        try
        {
            parsed = JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException)
        {
            parsed = default;
        }
        if (parsed.ValueKind != JsonValueKind.Array)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["The body must be a JSON array of SendGrid events."] });
        }
        var applied = await events.ApplyAsync(parsed, ct);
        return TypedResults.Ok(new EventsReceived(parsed.GetArrayLength(), applied));
    }

    /// <summary>How many events the post held, and how many changed something.</summary>
    public sealed record EventsReceived(int Received, int Applied);

    /// <summary>
    /// SendGrid signs timestamp + raw body with ECDSA (P-256, SHA-256); the package's own
    /// validator checks it. A post older than WebhookMaxAge is refused too, so a captured post
    /// cannot be replayed later.
    /// </summary>
    private static bool IsSignedBySendGrid(HttpRequest request, string body, EmailOptions options, TimeProvider clock)
    {
        var signature = request.Headers[SignatureHeader].ToString();
        var timestamp = request.Headers[TimestampHeader].ToString();
        if (string.IsNullOrEmpty(options.WebhookPublicKey) || string.IsNullOrEmpty(signature) ||
            !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }
        var age = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (age.Duration() > options.WebhookMaxAge) return false;
        try
        {
            var validator = new RequestValidator();
            return validator.VerifySignature(validator.ConvertPublicKeyToECDSA(options.WebhookPublicKey), body, signature, timestamp);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException or IndexOutOfRangeException)
        {
            return false; // a malformed signature or key is as good as none
        }
    }
}
