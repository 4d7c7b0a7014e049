using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Apprenticeships.Functions.Security;

/// <summary>
/// The provider portal's sign-in: the provider pastes their API key once and gets a cookie of
/// their own (separate from staff sign-in). The cookie holds the provider id and when their key
/// was issued, never the key, and stops working as soon as the hub issues them a new key.
/// </summary>
public static class ProviderSignIn
{
    public const string Scheme = "Provider";
    public const string ProviderIdClaim = "provider_id";
    public const string ProviderNameClaim = "provider_name";
    private const string KeyIssuedClaim = "key_issued";

    public static ClaimsPrincipal Principal(ProviderAccount provider) => new(new ClaimsIdentity(
    [
        new Claim(ProviderIdClaim, provider.Id),
        new Claim(ProviderNameClaim, provider.Name),
        new Claim(KeyIssuedClaim, provider.KeyIssuedAt.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ], Scheme, ProviderNameClaim, null));

    public static void Configure(CookieAuthenticationOptions o)
    {
        o.TimeProvider = TimeProvider.System; // real time, not the demo-movable workflow clock
        o.Cookie.Name = ".Apprenticeships.Provider";
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Lax;
        o.Cookie.Path = "/provider";
        o.LoginPath = "/provider/sign-in";
        o.ExpireTimeSpan = TimeSpan.FromHours(8);
        o.SlidingExpiration = true;
        o.Events.OnValidatePrincipal = async context =>
        {
            var id = context.Principal?.FindFirst(ProviderIdClaim)?.Value;
            var issued = context.Principal?.FindFirst(KeyIssuedClaim)?.Value;
            var provider = id is null ? null : await context.HttpContext.RequestServices.GetRequiredService<Apprenticeships.Application.Providers.Commands.ProviderKeys>().FindAsync(id, context.HttpContext.RequestAborted);
            if (provider is null || provider.KeyIssuedAt.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture) != issued)
            {
                context.RejectPrincipal();
            }
        };
    }
}
