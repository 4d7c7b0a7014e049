namespace Apprenticeships.Functions.Security;

/// <summary>
/// Microsoft Entra ID settings (section "Entra"). With TenantId and ClientId set, staff pages
/// sign in with OpenID Connect and the APIs accept Entra access tokens (JWT bearer); roles come
/// from the app registration's app roles Advisor, Finance and Admin.
/// </summary>
public sealed class EntraOptions
{
    public const string Section = "Entra";

    /// <summary>The cloud's sign-in address; the public cloud unless a sovereign one is used.</summary>
    public string Instance { get; set; } = "https://login.microsoftonline.com/";
    public string? TenantId { get; set; }
    /// <summary>The app registration's application (client) id.</summary>
    public string? ClientId { get; set; }
    /// <summary>The app registration's client secret, for the pages' authorisation-code sign-in; without it the ID token is used.</summary>
    public string? ClientSecret { get; set; }
    /// <summary>The audience API tokens are issued for; by default the client id and api://{client id}.</summary>
    public string? Audience { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(TenantId) && !string.IsNullOrWhiteSpace(ClientId);

    public string Authority => $"{Instance.TrimEnd('/')}/{TenantId}/v2.0";

    /// <summary>
    /// Whether the authority is on this machine (localhost, 127.0.0.1, ::1), like a local token
    /// issuer. Entra's own addresses never are.
    /// </summary>
    public bool AuthorityIsLoopback => Uri.TryCreate(Authority, UriKind.Absolute, out var authority) && authority.IsLoopback;

    public IEnumerable<string> Audiences => Audience is { Length: > 0 } a ? [a] : [ClientId!, $"api://{ClientId}"];
}
