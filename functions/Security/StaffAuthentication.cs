using Apprenticeships.Functions.Pages;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace Apprenticeships.Functions.Security;

/// <summary>
/// Who is calling, and how they prove it:
/// - pages: a staff cookie, issued by Entra ID sign-in (OpenID Connect) in Azure or by the
///   Development sign-in page's demo users locally;
/// - APIs: an Entra ID access token (JWT bearer); the staff cookie too, but only for reads, so a
///   form on another site cannot make a signed-in browser change anything through the API;
/// - Development only: "X-Dev-User: amara" for scripts;
/// - provider portal: a cookie of its own (<see cref="ProviderSignIn"/>).
/// Anonymous page requests go to sign-in; anonymous API requests get 401; a wrong role gets 403.
/// </summary>
public static class StaffAuthentication
{
    public const string Scheme = "Staff";
    public const string ChallengeScheme = "StaffChallenge";
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string BearerScheme = JwtBearerDefaults.AuthenticationScheme;
    public const string EntraScheme = OpenIdConnectDefaults.AuthenticationScheme;

    public static IHostApplicationBuilder AddStaffSignIn(this IHostApplicationBuilder builder)
    {
        var entra = builder.Configuration.GetSection(EntraOptions.Section).Get<EntraOptions>() ?? new EntraOptions();
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddSingleton(entra);

        var auth = builder.Services.AddAuthentication(o =>
        {
            o.DefaultScheme = Scheme;
            o.DefaultAuthenticateScheme = Scheme;
            o.DefaultChallengeScheme = ChallengeScheme;
            o.DefaultForbidScheme = CookieScheme;
        });
        auth.AddPolicyScheme(Scheme, "Staff", o => o.ForwardDefaultSelector = http => AuthenticateWith(http, development));
        auth.AddPolicyScheme(ChallengeScheme, "Staff sign-in", o => o.ForwardDefaultSelector = http =>
            IsApi(http) ? BearerScheme : entra.IsConfigured ? EntraScheme : CookieScheme);
        auth.AddCookie(CookieScheme, o =>
        {
            // Sign-ins last in real time; the app's TimeProvider is the workflow clock, which the demo moves on by weeks.
            o.TimeProvider = TimeProvider.System;
            o.Cookie.Name = ".Apprenticeships.Staff";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/sign-in";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = context =>
            {
                if (IsApi(context.HttpContext)) context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                else context.Response.Redirect(context.RedirectUri);
                return Task.CompletedTask;
            };
            o.Events.OnRedirectToAccessDenied = context => AccessDeniedAsync(context.HttpContext);
        });
        auth.AddJwtBearer(BearerScheme, o =>
        {
            // Entra's claim names as issued ("roles", "name"), not mapped to long URIs.
            o.TimeProvider = TimeProvider.System;
            o.MapInboundClaims = false;
            o.TokenValidationParameters.RoleClaimType = StaffClaims.Role;
            o.TokenValidationParameters.NameClaimType = StaffClaims.Name;
            if (entra.IsConfigured)
            {
                o.Authority = entra.Authority;
                o.RequireHttpsMetadata = RequireHttpsMetadata(entra);
                o.TokenValidationParameters.ValidAudiences = entra.Audiences;
            }
            // Unconfigured, no signing key is trusted, so every token is refused.
        });
        if (entra.IsConfigured)
        {
            auth.AddOpenIdConnect(EntraScheme, "Microsoft Entra ID", o =>
            {
                o.TimeProvider = TimeProvider.System;
                o.Authority = entra.Authority;
                o.RequireHttpsMetadata = RequireHttpsMetadata(entra);
                o.ClientId = entra.ClientId;
                // With a client secret, the authorisation-code flow; without one, the ID token posted
                // back (the app registration must issue ID tokens), so no secret need be kept at all.
                if (string.IsNullOrEmpty(entra.ClientSecret))
                {
                    o.ResponseType = "id_token";
                    o.ResponseMode = "form_post";
                }
                else
                {
                    o.ClientSecret = entra.ClientSecret;
                    o.ResponseType = "code";
                }
                o.SignInScheme = CookieScheme;
                o.MapInboundClaims = false;
                o.TokenValidationParameters.RoleClaimType = StaffClaims.Role;
                o.TokenValidationParameters.NameClaimType = StaffClaims.Name;
                o.Events.OnRedirectToIdentityProvider = context =>
                {
                    // Only pages start a browser sign-in; an API caller gets a plain 401.
                    if (IsApi(context.HttpContext))
                    {
                        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                        context.HandleResponse();
                    }
                    return Task.CompletedTask;
                };
            });
        }
        if (development)
        {
            auth.AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, DevUserHeader>(DevUserHeader.SchemeName, null);
        }
        auth.AddCookie(ProviderSignIn.Scheme, ProviderSignIn.Configure);
        auth.AddCookie(EmployerSignIn.Scheme, EmployerSignIn.Configure);

        builder.Services.AddAuthorization(StaffPolicies.Add);
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = ".Apprenticeships.Antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        return builder;
    }

    private static string AuthenticateWith(HttpContext http, bool development)
    {
        var authorization = http.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return BearerScheme;
        if (development && http.Request.Headers.ContainsKey(DevUserHeader.Header)) return DevUserHeader.SchemeName;
        // The cookie rides along on cross-site form posts; an API write must prove itself with a header.
        if (IsApi(http) && !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)) return BearerScheme;
        return CookieScheme;
    }

    /// <summary>
    /// The issuer's metadata and signing keys come over HTTPS, so nobody between here and Entra can
    /// swap in keys of their own. Only an authority on this machine's loopback address (a token
    /// issuer run beside the app, as the tests do) may use plain HTTP: loopback traffic never
    /// leaves the machine. Entra's addresses are never loopback, so in Azure HTTPS is always required.
    /// </summary>
    private static bool RequireHttpsMetadata(EntraOptions entra) => !entra.AuthorityIsLoopback;

    internal static bool IsApi(HttpContext http) => http.Request.Path.StartsWithSegments("/api");

    private static Task AccessDeniedAsync(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status403Forbidden;
        if (IsApi(http)) return Task.CompletedTask;
        return PageLayout.Render(http, "You cannot see this page", Html.Of($"""
            <h1 class="govuk-heading-l">You cannot see this page</h1>
            <p class="govuk-body">Your role does not include this part of the service. Ask your hub administrator if you need it.</p>
            <p class="govuk-body"><a class="govuk-link" href="/">Go to the start</a></p>
            """), StatusCodes.Status403Forbidden).ExecuteAsync(http);
    }
}
