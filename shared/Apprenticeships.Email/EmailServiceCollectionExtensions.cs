namespace Apprenticeships.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>Email through SendGrid when SendGrid__ApiKey is set, else into the local pickup outbox.</summary>
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        var options = EmailOptions.Read(configuration);
        services.AddSingleton(options);
        services.AddSingleton<EmailTemplates>();
        services.AddSingleton<EmailSendLog>();
        services.AddSingleton<EmailSuppressions>();
        services.AddSingleton<EmailEventProcessor>();
        services.AddSingleton<PickupDelivery>();
        if (string.IsNullOrEmpty(options.ApiKey))
        {
            services.AddSingleton<IEmailDelivery>(sp => sp.GetRequiredService<PickupDelivery>());
        }
        else
        {
            // One long-lived client; pooled connections are renewed so DNS changes are noticed.
            var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(30) };
            services.AddSingleton<IEmailDelivery>(sp => new SendGridDelivery(options, http,
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SendGridDelivery>>()));
        }
        services.AddSingleton<IEmailSender, EmailSender>();
        services.AddSingleton<IUndeliverableAddressHandler, AlertAdvisorsMailbox>();
        services.AddSingleton<Apprenticeships.Storage.Candidates.ICandidateDataHolder, EmailErasure>();
        return services;
    }
}
