namespace Apprenticeships.Functions.Security;

public static class SecurityHeaders
{
    /// <summary>A year of HTTPS only, for this host and any under it.</summary>
    public const string HstsPolicy = "max-age=31536000; includeSubDomains";

    /// <summary>
    /// Pages load scripts, styles and images from this app only, and no other site may frame them
    /// (clickjacking) or receive where staff came from (URLs hold candidate ids).
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, EntraOptions entra)
    {
        // A form post that signs out of Entra ends in a redirect to Entra, which form-action must allow.
        var formAction = entra.IsConfigured ? $"'self' {new Uri(entra.Instance).GetLeftPart(UriPartial.Authority)}" : "'self'";
        var policy = $"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action {formAction}";
        var hsts = !app.ApplicationServices.GetRequiredService<IHostEnvironment>().IsDevelopment();
        return app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
                if (http.Response.ContentType?.StartsWith("text/html", StringComparison.Ordinal) == true) headers.ContentSecurityPolicy = policy;
                // Not UseHsts(): it writes the header only on HTTPS requests to hosts other than localhost, and under
                // the Functions host the app hears plain HTTP from 127.0.0.1 while browsers use HTTPS to Azure.
                // Browsers ignore the header on plain HTTP (RFC 6797 8.1), so it is safe on every response.
                if (hsts) headers.StrictTransportSecurity = HstsPolicy;
                // Candidates' details, learners, outboxes and accounts are in most answers, and a shared or
                // back-button cache must not keep them: nothing is stored unless a response says otherwise,
                // which only the fingerprint-free static assets (/assets/) do.
                if (string.IsNullOrEmpty(headers.CacheControl)) headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
            return next(http);
        });
    }
}
