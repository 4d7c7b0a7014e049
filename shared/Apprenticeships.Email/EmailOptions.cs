namespace Apprenticeships.Email;

/// <summary>Email settings: SendGrid__* and Email__* (see README "Configuration").</summary>
public sealed class EmailOptions
{
    /// <summary>SendGrid API key; when empty, email goes to the local pickup outbox instead.</summary>
    public string? ApiKey { get; set; }
    /// <summary>Where the SendGrid API lives; tests point it at a local listener.</summary>
    public string? Host { get; set; }
    public bool SandboxMode { get; set; }
    /// <summary>The event webhook's verification key (base64 DER), from SendGrid's mail settings.</summary>
    public string? WebhookPublicKey { get; set; }
    public string From { get; set; } = "hub@example.org";
    public string FromName { get; set; } = "Employment and Training Hub";
    public string? ReplyTo { get; set; }
    /// <summary>Where advisor alerts go when no better address is known (e.g. a team mailbox).</summary>
    public string? AdvisorAlertsTo { get; set; }
    /// <summary>The blob container of the local pickup outbox (tests give each app its own).</summary>
    public string PickupContainer { get; set; } = "outbox";
    /// <summary>Tries per send for transient failures (429, 5xx, timeouts), and the first back-off.</summary>
    public int MaxAttempts { get; set; } = 4;
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>How old a signed webhook post may be before it is refused.</summary>
    public TimeSpan WebhookMaxAge { get; set; } = TimeSpan.FromMinutes(5);

    public static EmailOptions Read(IConfiguration configuration)
    {
        var options = new EmailOptions();
        configuration.GetSection("SendGrid").Bind(options);
        configuration.GetSection("Email").Bind(options);
        return options;
    }
}
