using System.Net;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace Apprenticeships.Email;

/// <summary>
/// SendGrid refused a message for good (400/401/403...): its own error text says why. An
/// InvalidOperationException, so workflows do not retry what no retry can mend.
/// </summary>
public sealed class EmailRejectedException(HttpStatusCode status, string error)
    : InvalidOperationException($"SendGrid refused the message ({(int)status} {status}): {error}")
{
    public HttpStatusCode Status { get; } = status;
}

/// <summary>
/// Delivery through SendGrid's v3 mail send. Transient failures (429, 5xx, timeouts) are tried
/// again with doubling back-off, honouring Retry-After; our own loop because the package's
/// ReliabilitySettings neither retries 429 nor reads Retry-After. Anything else fails at once.
/// </summary>
public sealed class SendGridDelivery(EmailOptions options, HttpClient http, TimeProvider clock, ILogger<SendGridDelivery> logger) : IEmailDelivery
{
    private readonly SendGridClient _client = new(http, new SendGridClientOptions
    {
        ApiKey = options.ApiKey,
        Host = string.IsNullOrEmpty(options.Host) ? "https://api.sendgrid.com" : options.Host,
    });

    /// <summary>SendGrid cannot be asked whether it took a message; its event webhook tells the send log instead.</summary>
    public Task<DeliveryCheck> CheckAsync(string dedupeKey, CancellationToken cancellationToken) => Task.FromResult(DeliveryCheck.Unknown);

    public async Task DeliverAsync(string to, RenderedEmail email, IReadOnlyDictionary<string, string> customArgs, CancellationToken cancellationToken)
    {
        var message = MailHelper.CreateSingleEmail(new EmailAddress(options.From, options.FromName), new EmailAddress(to), email.Subject, email.Text, email.Html);
        if (!string.IsNullOrEmpty(options.ReplyTo)) message.SetReplyTo(new EmailAddress(options.ReplyTo));
        foreach (var (key, value) in customArgs) message.AddCustomArg(key, value);
        if (options.SandboxMode) message.SetSandBoxMode(true);

        var delay = options.FirstRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            string why;
            TimeSpan? retryAfter = null;
            try
            {
                var response = await _client.SendEmailAsync(message, cancellationToken);
                if (response.IsSuccessStatusCode) return;
                var error = await response.Body.ReadAsStringAsync(cancellationToken);
                if (response.StatusCode != HttpStatusCode.TooManyRequests && (int)response.StatusCode < 500)
                {
                    throw new EmailRejectedException(response.StatusCode, error);
                }
                why = $"{(int)response.StatusCode}: {error}";
                retryAfter = response.Headers?.RetryAfter?.Delta;
                if (attempt >= options.MaxAttempts) throw new HttpRequestException($"SendGrid kept failing ({why})", null, response.StatusCode);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested && attempt < options.MaxAttempts)
            {
                why = e.Message;
            }
            var wait = retryAfter is { } asked && asked > delay ? asked : delay;
            logger.LogWarning("SendGrid attempt {Attempt} failed ({Why}); trying again in {Wait}", attempt, why, wait);
            await Task.Delay(wait, clock, cancellationToken);
            delay *= 2;
        }
    }
}
