using System.Security.Claims;
using System.Text.Encodings.Web;
using Apprenticeships.Functions.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Apprenticeships.Functions.Tests;

/// <summary>
/// The API tests' caller: every request is a hub administrator, so tests about what an endpoint
/// does need no sign-in. Only the test factory registers it; AuthorizationTests runs the app
/// without it to check the real sign-in and role gates.
/// </summary>
public sealed class SignedInAsAdmin(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "TestAdmin";

    public static void Register(IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, SignedInAsAdmin>(SchemeName, null);
        services.PostConfigure<AuthenticationOptions>(o => o.DefaultAuthenticateScheme = SchemeName);
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
        Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(StaffClaims.Id, "test-admin"), new Claim(StaffClaims.Name, "Test Admin"), new Claim(StaffClaims.Role, StaffRoles.Admin)],
            SchemeName, StaffClaims.Name, StaffClaims.Role)), SchemeName)));
}
