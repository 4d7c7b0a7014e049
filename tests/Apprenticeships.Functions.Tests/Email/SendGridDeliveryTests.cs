using Apprenticeships.Email;
using Apprenticeships.Storage;
using Apprenticeships.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Apprenticeships.Functions.Tests.Email;

public class SendGridDeliveryTests
{
    private static async Task<(IEmailSender Sender, EmailSuppressions Suppressions)> SenderAsync(FakeSendGrid fake)
    {
        var options = new EmailOptions
        {
            ApiKey = FakeSendGrid.ApiKey, Host = fake.Url, From = "hub@council.example", ReplyTo = "advisors@council.example",
            FirstRetryDelay = TimeSpan.FromMilliseconds(10), MaxAttempts = 3,
        };
        var account = await LocalAzurite.AccountAsync();
        var suppressions = new EmailSuppressions(account);
        var delivery = new SendGridDelivery(options, new HttpClient(), TimeProvider.System, NullLogger<SendGridDelivery>.Instance);
        return (new EmailSender(new EmailTemplates(), new EmailSendLog(account), suppressions, delivery, TimeProvider.System,
            NullLogger<EmailSender>.Instance), suppressions);
    }

    internal static EmailMessage Welcome(string to) => new(to, "welcome", new Dictionary<string, string>
    {
        ["firstName"] = "Amira", ["advisorName"] = "Jo", ["hubName"] = "Worcester Works", ["hubSignOff"] = "Worcester Works", ["interestLinkDays"] = "14",
        ["confirmLink"] = "https://hub.example/l/abc", ["declineLink"] = "https://hub.example/l/def",
    }, "cand-42");

    [Fact]
    public async Task An_accepted_send_reaches_sendgrid_once_with_the_dedupe_key_and_recipient_id()
    {
        await using var fake = await FakeSendGrid.StartAsync(202);
        var (sender, _) = await SenderAsync(fake);
        var key = LocalAzurite.UniqueName("journey-") + ":step-1";

        Assert.Equal(EmailSendResult.Sent, await sender.SendAsync(Welcome("amira@example.org"), key));
        Assert.Equal(EmailSendResult.AlreadySent, await sender.SendAsync(Welcome("amira@example.org"), key));

        var sent = Assert.Single(fake.Delivered);
        Assert.Equal(1, fake.Requests);
        Assert.Equal(("amira@example.org", "hub@council.example", "Welcome to Worcester Works"), (sent.To, sent.From, sent.Subject));
        Assert.Equal(key, sent.CustomArgs["dedupeKey"]);
        Assert.Equal("cand-42", sent.CustomArgs["recipientId"]);
        Assert.Contains("Confirm you are interested", sent.Html);
        Assert.Contains("https://hub.example/l/abc", sent.Text);
    }

    [Fact]
    public async Task Too_many_requests_is_retried_and_then_sent()
    {
        await using var fake = await FakeSendGrid.StartAsync(429, 202);
        var (sender, _) = await SenderAsync(fake);

        Assert.Equal(EmailSendResult.Sent, await sender.SendAsync(Welcome("b@example.org"), LocalAzurite.UniqueName("k")));

        Assert.Equal(2, fake.Requests);
        Assert.Single(fake.Delivered);
    }

    [Fact]
    public async Task A_bad_request_fails_at_once_with_sendgrids_error_text()
    {
        await using var fake = await FakeSendGrid.StartAsync(400);
        var (sender, _) = await SenderAsync(fake);

        var error = await Assert.ThrowsAsync<EmailRejectedException>(() => sender.SendAsync(Welcome("c@example.org"), LocalAzurite.UniqueName("k")));

        Assert.Contains("The from email does not contain a valid address.", error.Message);
        Assert.Equal(1, fake.Requests);
    }

    [Fact]
    public async Task A_server_error_that_persists_is_retried_then_fails_the_send()
    {
        await using var fake = await FakeSendGrid.StartAsync(500, 500, 500, 500);
        var (sender, _) = await SenderAsync(fake);
        var key = LocalAzurite.UniqueName("k");

        await Assert.ThrowsAsync<HttpRequestException>(() => sender.SendAsync(Welcome("d@example.org"), key));
        Assert.Equal(3, fake.Requests);

        // The activity's retry later goes through: the key was never marked sent.
        Assert.Equal(EmailSendResult.Sent, await sender.SendAsync(Welcome("d@example.org"), key));
        Assert.Single(fake.Delivered);
    }

    [Fact]
    public async Task A_suppressed_address_is_not_mailed()
    {
        await using var fake = await FakeSendGrid.StartAsync();
        var (sender, suppressions) = await SenderAsync(fake);
        var address = LocalAzurite.UniqueName("bounced") + "@example.org";
        await suppressions.SuppressAsync(address.ToUpperInvariant(), "bounce", "cand-9", DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.Equal(EmailSendResult.Suppressed, await sender.SendAsync(Welcome(address), LocalAzurite.UniqueName("k")));
        Assert.Equal(0, fake.Requests);
    }
}
