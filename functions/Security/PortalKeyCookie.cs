using System.Globalization;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Apprenticeships.Functions.Security;

/// <summary>
/// The cookie of a portal signed in with a key (<see cref="ProviderSignIn"/>, <see cref="EmployerSignIn"/>): its own
/// name and path, apart from staff sign-in; eight hours, sliding, on real time rather than the demo-movable workflow
/// clock; and good only while the key it was issued under is the current one, so a new key ends every sign-in.
/// </summary>
internal static class PortalKeyCookie
{
    /// <summary>When a key was issued, as the cookie's claim holds it.</summary>
    public static string Issued(DateTimeOffset keyIssuedAt) => keyIssuedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    /// <param name="scheme">The portal's scheme, which names the cookie; its path is the portal's, <c>/provider</c> or <c>/employer</c>.</param>
    /// <param name="currentKeyIssued">When the holder of an id was issued their current key, or null when they have none.</param>
    public static void Configure(CookieAuthenticationOptions o, string scheme, string idClaim, string issuedClaim,
        Func<HttpContext, string, Task<DateTimeOffset?>> currentKeyIssued)
    {
        var portal = "/" + scheme.ToLowerInvariant();
        o.TimeProvider = TimeProvider.System;
        o.Cookie.Name = $".Apprenticeships.{scheme}";
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Lax;
        o.Cookie.Path = portal;
        o.LoginPath = $"{portal}/sign-in";
        o.ExpireTimeSpan = TimeSpan.FromHours(8);
        o.SlidingExpiration = true;
        o.Events.OnValidatePrincipal = async context =>
        {
            var id = context.Principal?.FindFirst(idClaim)?.Value;
            var issued = context.Principal?.FindFirst(issuedClaim)?.Value;
            var current = id is null ? null : await currentKeyIssued(context.HttpContext, id);
            if (current is not { } at || Issued(at) != issued) context.RejectPrincipal();
        };
    }
}
