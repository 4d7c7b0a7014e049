using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Apprenticeships.Email;
using Apprenticeships.Functions.Http.Email;
using Apprenticeships.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Apprenticeships.Functions.Tests.Email;

public class EmailApiTests
{
    private static readonly ECDsa SendGridKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private static readonly ECDsa OtherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    private static Task<WebApplicationFactory<Program>> AppAsync(FakeSendGrid? sendGrid = null, string environment = "Development") =>
        AppFactory.CreateAsync(environment, b =>
        {
            b.UseSetting("SendGrid:WebhookPublicKey", Convert.ToBase64String(SendGridKey.ExportSubjectPublicKeyInfo()));
            if (sendGrid is not null)
            {
                b.UseSetting("SendGrid:ApiKey", FakeSendGrid.ApiKey);
                b.UseSetting("SendGrid:Host", sendGrid.Url);
            }
        });

    /// <summary>Signs like SendGrid: ECDSA P-256 over timestamp + raw body, DER signature in base64.</summary>
    private static HttpRequestMessage Signed(string body, ECDsa key, DateTimeOffset? at = null, string? sendBody = null)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString();
        var signature = key.SignData(Encoding.UTF8.GetBytes(timestamp + body), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/email/events") { Content = new StringContent(sendBody ?? body, Encoding.UTF8, "application/json") };
        request.Headers.Add(EmailApi.SignatureHeader, Convert.ToBase64String(signature));
        request.Headers.Add(EmailApi.TimestampHeader, timestamp);
        return request;
    }

    private static string Bounce(string address, string eventId) =>
        JsonSerializer.Serialize(new[] { new Dictionary<string, object> { ["email"] = address, ["event"] = "bounce", ["sg_event_id"] = eventId, ["recipientId"] = "cand-7", ["timestamp"] = 1 } });

    [Fact]
    public async Task A_signed_bounce_stops_later_email_to_that_address_and_is_applied_once()
    {
        await using var sendGrid = await FakeSendGrid.StartAsync();
        await using var app = await AppAsync(sendGrid);
        var http = app.CreateClient();
        var address = LocalAzurite.UniqueName("amira") + "@example.org";
        var body = Bounce(address, LocalAzurite.UniqueName("ev"));

        var first = await http.SendAsync(Signed(body, SendGridKey));
        var again = await http.SendAsync(Signed(body, SendGridKey));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(1, (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("applied").GetInt32());
        Assert.Equal(0, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("applied").GetInt32());
        var sender = app.Services.GetRequiredService<IEmailSender>();
        var result = await sender.SendAsync(SendGridDeliveryTests.Welcome(address), LocalAzurite.UniqueName("k"));
        Assert.Equal(EmailSendResult.Suppressed, result);
        Assert.Empty(sendGrid.Delivered);
    }

    public static TheoryData<string> Forgeries() => ["tampered", "wrong key", "stale", "unsigned"];

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task An_unverifiable_post_is_refused_with_401_and_changes_nothing(string forgery)
    {
        await using var app = await AppAsync();
        var http = app.CreateClient();
        var address = LocalAzurite.UniqueName("forged") + "@example.org";
        var body = Bounce(address, LocalAzurite.UniqueName("ev"));
        var request = forgery switch
        {
            "tampered" => Signed(body, SendGridKey, sendBody: body.Replace("bounce", "spamreport")),
            "wrong key" => Signed(body, OtherKey),
            "stale" => Signed(body, SendGridKey, DateTimeOffset.UtcNow.AddMinutes(-6)),
            _ => new HttpRequestMessage(HttpMethod.Post, "/api/email/events") { Content = new StringContent(body, Encoding.UTF8, "application/json") },
        };

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(request)).StatusCode);
        Assert.False(await app.Services.GetRequiredService<EmailSuppressions>().IsSuppressedAsync(address, CancellationToken.None));
    }

    [Fact]
    public async Task A_signed_body_that_is_not_an_event_array_is_a_400_naming_the_body()
    {
        await using var app = await AppAsync();

        var response = await app.CreateClient().SendAsync(Signed("{\"event\":\"bounce\"}", SendGridKey));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("body", out _));
    }

    [Fact]
    public async Task Without_a_sendgrid_key_email_lands_in_the_outbox_listed_at_dev_outbox()
    {
        await using var app = await AppAsync();
        var key = LocalAzurite.UniqueName("pickup");

        await app.Services.GetRequiredService<IEmailSender>().SendAsync(SendGridDeliveryTests.Welcome("amira@example.org"), key);
        var outbox = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/dev/outbox");

        var message = outbox.EnumerateArray().First(m => m.GetProperty("key").GetString() == key);
        Assert.Equal("Welcome to Worcester Works", message.GetProperty("subject").GetString());
        Assert.Equal("amira@example.org", message.GetProperty("to").GetString());
        Assert.Contains("Confirm you are interested", message.GetProperty("html").GetString());
    }

    [Fact]
    public async Task The_outbox_is_not_served_outside_development()
    {
        await using var app = await AppAsync(environment: "Production");

        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/api/dev/outbox")).StatusCode);
    }
}
