namespace Apprenticeships.Functions.Security;

public static class SecurityHeaders
{
    /// <summary>
    /// Pages load scripts, styles and images from this app only, and no other site may frame them
    /// (clickjacking) or receive where staff came from (URLs hold candidate ids).
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, EntraOptions entra)
    {
        // A form post that signs out of Entra ends in a redirect to Entra, which form-action must allow.
        var formAction = entra.IsConfigured ? $"'self' {new Uri(entra.Instance).GetLeftPart(UriPartial.Authority)}" : "'self'";
        var policy = $"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action {formAction}";
        return app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
                if (http.Response.ContentType?.StartsWith("text/html", StringComparison.Ordinal) == true) headers.ContentSecurityPolicy = policy;
                return Task.CompletedTask;
            });
            return next(http);
        });
    }
}
