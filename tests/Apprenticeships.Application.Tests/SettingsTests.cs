using Apprenticeships.Application.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Apprenticeships.Application.Tests;

public sealed class SettingsTests
{
    private static IServiceProvider Services(bool isDevelopment, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();
        return new ServiceCollection().AddHubSettings(configuration, isDevelopment).BuildServiceProvider();
    }

    [Fact]
    public void Outside_development_a_missing_public_address_or_signing_key_is_named()
    {
        var services = Services(isDevelopment: false);
        Assert.Contains("Hub__PublicUrl", Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<HubOptions>>().Value).Message);
        Assert.Contains("Links__SigningKey", Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<LinkOptions>>().Value).Message);
    }

    [Theory]
    [InlineData("apprenticeships.example.gov.uk")]
    [InlineData("ftp://apprenticeships.example.gov.uk")]
    [InlineData("https://apprenticeships.example.gov.uk/hub")]
    public void The_public_address_is_an_http_site_root(string url)
    {
        var services = Services(isDevelopment: false, ("Hub:PublicUrl", url));
        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<HubOptions>>().Value);
    }

    [Fact]
    public void In_development_the_local_address_and_a_development_key_stand_in()
    {
        var services = Services(isDevelopment: true);
        Assert.Equal(HubOptions.DevelopmentUrl, services.GetRequiredService<IOptions<HubOptions>>().Value.PublicUrl);
        Assert.Equal(LinkOptions.DevelopmentKey, services.GetRequiredService<IOptions<LinkOptions>>().Value.SigningKey);
    }

    [Fact]
    public void Settings_given_are_used()
    {
        var services = Services(isDevelopment: false, ("Hub:PublicUrl", "https://jobs.example.gov.uk"), ("Hub:Name", "Worcester Hub"),
            ("Links:SigningKey", new string('k', 40)));
        Assert.Equal("Worcester Hub", services.GetRequiredService<IOptions<HubOptions>>().Value.Name);
        Assert.Equal("https://jobs.example.gov.uk", services.GetRequiredService<IOptions<HubOptions>>().Value.PublicUrl);
    }
}
