using System.Globalization;
using System.Security.Claims;
using Apprenticeships.Application.Employers.Commands;
using Apprenticeships.Domain.Employers;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Apprenticeships.Functions.Security;

/// <summary>
/// The employer portal's sign-in, like the provider portal's (<see cref="ProviderSignIn"/>): the
/// employer pastes the key a hub administrator issued them and gets a cookie of their own, holding
/// their employer id and when the key was issued, never the key; a new key ends the sign-in.
/// </summary>
public static class EmployerSignIn
{
    public const string Scheme = "Employer";
    public const string EmployerIdClaim = "employer_id";
    public const string EmployerNameClaim = "employer_name";
    private const string KeyIssuedClaim = "employer_key_issued";

    public static ClaimsPrincipal Principal(Employer employer, EmployerPortalAccount account) => new(new ClaimsIdentity(
    [
        new Claim(EmployerIdClaim, employer.Id),
        new Claim(EmployerNameClaim, employer.Name),
        new Claim(KeyIssuedClaim, Issued(account)),
    ], Scheme, EmployerNameClaim, null));

    /// <summary>The signed-in employer's id (the portal's routes require it).</summary>
    public static string EmployerId(HttpContext http) => http.User.FindFirst(EmployerIdClaim)!.Value;

    public static void Configure(CookieAuthenticationOptions o)
    {
        o.TimeProvider = TimeProvider.System; // real time, not the demo-movable workflow clock
        o.Cookie.Name = ".Apprenticeships.Employer";
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Lax;
        o.Cookie.Path = "/employer";
        o.LoginPath = "/employer/sign-in";
        o.ExpireTimeSpan = TimeSpan.FromHours(8);
        o.SlidingExpiration = true;
        o.Events.OnValidatePrincipal = async context =>
        {
            var id = context.Principal?.FindFirst(EmployerIdClaim)?.Value;
            var issued = context.Principal?.FindFirst(KeyIssuedClaim)?.Value;
            var account = id is null ? null : await context.HttpContext.RequestServices.GetRequiredService<EmployerPortalKeys>().FindAsync(id, context.HttpContext.RequestAborted);
            if (account is null || Issued(account) != issued) context.RejectPrincipal();
        };
    }

    private static string Issued(EmployerPortalAccount account) => account.KeyIssuedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
}
