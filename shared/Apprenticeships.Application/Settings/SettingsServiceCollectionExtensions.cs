using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Apprenticeships.Application.Settings;

public static class SettingsServiceCollectionExtensions
{
    /// <summary>
    /// Binds the hub's and the links' settings and checks them when the app starts: outside
    /// Development a missing or invalid one stops the app with a message naming the setting; in
    /// Development the local address and a development-only signing key stand in.
    /// </summary>
    public static IServiceCollection AddHubSettings(this IServiceCollection services, IConfiguration configuration, bool isDevelopment)
    {
        services.AddOptions<HubOptions>().Bind(configuration.GetSection(HubOptions.Section))
            .PostConfigure(o => { if (isDevelopment && string.IsNullOrWhiteSpace(o.PublicUrl)) o.PublicUrl = HubOptions.DevelopmentUrl; })
            .Validate(o => !string.IsNullOrWhiteSpace(o.Name) && o.Name.Length <= 120, "Set Hub__Name to the hub's name as candidates see it (at most 120 characters).")
            .Validate(o => Uri.TryCreate(o.PublicUrl, UriKind.Absolute, out var url) && url.Scheme is "https" or "http" && url.PathAndQuery == "/",
                "Set Hub__PublicUrl to the app's public address, like https://apprenticeships.example.gov.uk: emailed links point there.")
            .ValidateOnStart();
        services.AddOptions<LinkOptions>().Bind(configuration.GetSection(LinkOptions.Section))
            .PostConfigure(o => { if (isDevelopment && string.IsNullOrEmpty(o.SigningKey)) o.SigningKey = LinkOptions.DevelopmentKey; })
            .Validate(o => o.SigningKey.Length >= 32, "Set Links__SigningKey to a long random secret (at least 32 characters) so candidate links can be signed.")
            .ValidateOnStart();
        return services;
    }
}
