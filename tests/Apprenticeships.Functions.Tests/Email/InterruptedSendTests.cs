using System.Text.Json;
using Apprenticeships.Email;
using Apprenticeships.Storage;
using Apprenticeships.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Apprenticeships.Functions.Tests.Email;

/// <summary>
/// A sender that died between handing an email over and recording it as sent leaves the key at
/// "Sending". The retry must not send blind: it asks the channel, and for SendGrid waits for its
/// event webhook, sending again only if SendGrid has said nothing for ten minutes.
/// </summary>
public class InterruptedSendTests
{
    private static readonly EmailMessage Welcome = SendGridDeliveryTests.Welcome("amira@example.org");

    [Fact]
    public async Task An_interrupted_sendgrid_send_waits_for_sendgrids_events_and_is_not_sent_again_once_they_confirm_it()
    {
        await using var fake = await FakeSendGrid.StartAsync(202, 202);
        var account = await LocalAzurite.AccountAsync();
        var log = new EmailSendLog(account);
        var sender = SendGridSender(account, fake);
        var key = LocalAzurite.UniqueName("journey-") + "#1";
        await log.RecordAsync(key, "Sending", Welcome, DateTimeOffset.UtcNow, default); // then the process died

        await Assert.ThrowsAsync<EmailDeliveryUnconfirmedException>(() => sender.SendAsync(Welcome, key));
        Assert.Equal(0, fake.Requests);

        var events = new EmailEventProcessor(account, new EmailSuppressions(account), new NobodyToTell(), log, TimeProvider.System);
        await events.ApplyAsync(JsonDocument.Parse($$"""[{"event":"processed","sg_event_id":"{{Guid.NewGuid():N}}","email":"amira@example.org","dedupeKey":"{{key}}","recipientId":"cand-42"}]""").RootElement, default);
        Assert.Equal(EmailSendResult.AlreadySent, await sender.SendAsync(Welcome, key));
        Assert.Equal(0, fake.Requests);
    }

    [Fact]
    public async Task An_interrupted_sendgrid_send_that_sendgrid_never_reported_is_sent_after_ten_minutes()
    {
        await using var fake = await FakeSendGrid.StartAsync(202);
        var account = await LocalAzurite.AccountAsync();
        var key = LocalAzurite.UniqueName("journey-") + "#2";
        await new EmailSendLog(account).RecordAsync(key, "Sending", Welcome, DateTimeOffset.UtcNow - EmailSender.ReconcileWindow - TimeSpan.FromMinutes(1), default);

        Assert.Equal(EmailSendResult.Sent, await SendGridSender(account, fake).SendAsync(Welcome, key));
        Assert.Single(fake.Delivered);
    }

    [Fact]
    public async Task An_interrupted_outbox_send_is_found_in_the_outbox_and_one_that_never_got_there_is_sent()
    {
        var account = await LocalAzurite.AccountAsync();
        var outbox = new PickupDelivery(account, new EmailOptions { PickupContainer = LocalAzurite.UniqueName("outbox") }, TimeProvider.System);
        var log = new EmailSendLog(account);
        var sender = new EmailSender(new EmailTemplates(), log, new EmailSuppressions(account), outbox, TimeProvider.System, NullLogger<EmailSender>.Instance);
        var delivered = LocalAzurite.UniqueName("journey-") + "#3";
        var lost = LocalAzurite.UniqueName("journey-") + "#4";
        foreach (var key in new[] { delivered, lost }) await log.RecordAsync(key, "Sending", Welcome, DateTimeOffset.UtcNow, default);
        await outbox.DeliverAsync(Welcome.To, new RenderedEmail("Welcome", "text", "<p>html</p>"), new Dictionary<string, string> { ["dedupeKey"] = delivered }, default);

        Assert.Equal(EmailSendResult.AlreadySent, await sender.SendAsync(Welcome, delivered));
        Assert.Equal(EmailSendResult.Sent, await sender.SendAsync(Welcome, lost));
        var mail = await outbox.ListAsync(100, default);
        Assert.Single(mail, m => m.Key == delivered);
        Assert.Single(mail, m => m.Key == lost);
    }

    private static EmailSender SendGridSender(StorageAccount account, FakeSendGrid fake)
    {
        var options = new EmailOptions { ApiKey = FakeSendGrid.ApiKey, Host = fake.Url, From = "hub@council.example", FirstRetryDelay = TimeSpan.FromMilliseconds(10), MaxAttempts = 2 };
        var delivery = new SendGridDelivery(options, new HttpClient(), TimeProvider.System, NullLogger<SendGridDelivery>.Instance);
        return new EmailSender(new EmailTemplates(), new EmailSendLog(account), new EmailSuppressions(account), delivery, TimeProvider.System, NullLogger<EmailSender>.Instance);
    }

    private sealed class NobodyToTell : IUndeliverableAddressHandler
    {
        public Task HandleAsync(string? recipientId, string reason, string eventId, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
