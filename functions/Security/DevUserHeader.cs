using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Apprenticeships.Functions.Security;

/// <summary>
/// Development only: "X-Dev-User: amara" signs a request in as that demo user, so the README's
/// curl examples and scripts can call the API locally. Never registered outside Development.
/// </summary>
public sealed class DevUserHeader(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "DevUser";
    public const string Header = "X-Dev-User";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var value)) return Task.FromResult(AuthenticateResult.NoResult());
        return Task.FromResult(DemoUsers.Find(value) is { } user
            ? AuthenticateResult.Success(new AuthenticationTicket(DemoUsers.Principal(user, SchemeName), SchemeName))
            : AuthenticateResult.Fail($"{Header} names no demo user."));
    }
}
