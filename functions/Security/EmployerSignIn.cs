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
        new Claim(KeyIssuedClaim, PortalKeyCookie.Issued(account.KeyIssuedAt)),
    ], Scheme, EmployerNameClaim, null));

    /// <summary>The signed-in employer's id (the portal's routes require it).</summary>
    public static string EmployerId(HttpContext http) => http.User.FindFirst(EmployerIdClaim)!.Value;

    public static void Configure(CookieAuthenticationOptions o) =>
        PortalKeyCookie.Configure(o, Scheme, EmployerIdClaim, KeyIssuedClaim, async (http, id) =>
            (await http.RequestServices.GetRequiredService<EmployerPortalKeys>().FindAsync(id, http.RequestAborted))?.KeyIssuedAt);
}
