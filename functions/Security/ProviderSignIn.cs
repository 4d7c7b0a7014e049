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
        new Claim(KeyIssuedClaim, PortalKeyCookie.Issued(provider.KeyIssuedAt)),
    ], Scheme, ProviderNameClaim, null));

    public static void Configure(CookieAuthenticationOptions o) =>
        PortalKeyCookie.Configure(o, Scheme, ProviderIdClaim, KeyIssuedClaim, async (http, id) =>
            (await http.RequestServices.GetRequiredService<Apprenticeships.Application.Providers.Commands.ProviderKeys>().FindAsync(id, http.RequestAborted))?.KeyIssuedAt);
}
