using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Apprenticeships.Functions.Tests.Security;

/// <summary>What is wrong with a token the issuer mints on purpose.</summary>
public enum TokenFlaw
{
    None,
    /// <summary>Signed by a key the issuer does not publish, under the published key's id.</summary>
    SignedByAnotherKey,
    /// <summary>Expired an hour ago, well past any clock skew allowed.</summary>
    Expired,
    /// <summary>Issued for another application.</summary>
    WrongAudience,
    /// <summary>Signed with the issuer's key but naming another tenant as its issuer.</summary>
    WrongIssuer,
}

/// <summary>
/// A stand-in for Microsoft Entra ID's v2.0 endpoint for one tenant, run by the tests on a free
/// loopback port: it publishes OpenID Connect metadata at
/// <c>{tenant}/v2.0/.well-known/openid-configuration</c> and its signing key (JWKS) at
/// <c>{tenant}/discovery/v2.0/keys</c>, at the same paths as Entra, and mints access tokens and
/// ID tokens with Entra's claims (oid, tid, name, roles, ...) signed with its own RSA key.
/// The app fetches the metadata and keys over HTTP as it would from Entra; the tests play the
/// user's browser and Entra's sign-in page themselves, so the authorisation endpoint is only
/// advertised (where the app sends browsers), never served.
/// </summary>
public sealed class TestTokenIssuer : IAsyncDisposable
{
    private const string KeyId = "test-issuer-key";

    private readonly RsaSecurityKey _signingKey = new(RSA.Create(2048)) { KeyId = KeyId };
    private readonly RsaSecurityKey _otherKey = new(RSA.Create(2048)) { KeyId = KeyId };
    private readonly JsonWebTokenHandler _handler = new();
    private WebApplication? _server;

    private TestTokenIssuer() { }

    /// <summary>What Entra:Instance is set to: this issuer's address, like https://login.microsoftonline.com/.</summary>
    public string Instance { get; private set; } = "";
    public string TenantId { get; } = Guid.NewGuid().ToString();
    /// <summary>The app registration's client id: the ID tokens' audience and the access tokens' default one.</summary>
    public string ClientId { get; } = Guid.NewGuid().ToString();
    /// <summary>The "iss" of every token, as Entra writes it: {instance}{tenant}/v2.0.</summary>
    public string Issuer => $"{Instance}{TenantId}/v2.0";
    public string AuthorizationEndpoint => $"{Instance}{TenantId}/oauth2/v2.0/authorize";
    public string JwksUri => $"{Instance}{TenantId}/discovery/v2.0/keys";
    public string EndSessionEndpoint => $"{Instance}{TenantId}/oauth2/v2.0/logout";

    /// <summary>Starts an issuer for a new tenant and client id, on 127.0.0.1 on a port the system picks.</summary>
    public static async Task<TestTokenIssuer> StartAsync()
    {
        var issuer = new TestTokenIssuer();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        var server = builder.Build();
        server.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (HttpContext http) => issuer.ServeAsync(http, issuer.Metadata()));
        server.MapGet("/{tenant}/discovery/v2.0/keys", (HttpContext http) => issuer.ServeAsync(http, issuer.Jwks()));
        await server.StartAsync();
        issuer._server = server;
        // The port is known once Kestrel has bound it, and nobody asks for the documents before StartAsync returns.
        issuer.Instance = server.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single().TrimEnd('/') + "/";
        return issuer;
    }

    /// <summary>An access token for this app's API, as Entra issues one to a signed-in user of a client app.</summary>
    public string AccessToken(IEnumerable<string> roles, TokenFlaw flaw = TokenFlaw.None, string? audience = null, string user = "test-user") =>
        Mint(roles, flaw, audience ?? ClientId, user, new() { ["azp"] = Guid.Empty.ToString(), ["scp"] = "access_as_user" });

    /// <summary>An ID token for the app's own sign-in, carrying the nonce the app put in its authorisation request.</summary>
    public string IdToken(string nonce, IEnumerable<string> roles, TokenFlaw flaw = TokenFlaw.None, string user = "test-user") =>
        Mint(roles, flaw, ClientId, user, new() { ["nonce"] = nonce });

    private string Mint(IEnumerable<string> roles, TokenFlaw flaw, string audience, string user, Dictionary<string, object> extra)
    {
        var now = DateTime.UtcNow;
        var issuedAt = flaw == TokenFlaw.Expired ? now.AddHours(-2) : now;
        var claims = new Dictionary<string, object>(extra)
        {
            ["oid"] = user,
            ["sub"] = user,
            ["tid"] = TenantId,
            ["name"] = $"Test {user}",
            ["preferred_username"] = $"{user}@example.test",
            ["ver"] = "2.0",
        };
        // Entra leaves the claim out when the user has no app role.
        var roleList = roles.ToArray();
        if (roleList.Length > 0) claims["roles"] = roleList;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = flaw == TokenFlaw.WrongIssuer ? $"{Instance}{Guid.NewGuid()}/v2.0" : Issuer,
            Audience = flaw == TokenFlaw.WrongAudience ? Guid.NewGuid().ToString() : audience,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = issuedAt.AddHours(1),
            Claims = claims,
            SigningCredentials = new SigningCredentials(flaw == TokenFlaw.SignedByAnotherKey ? _otherKey : _signingKey, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>The fields of Entra's v2.0 metadata document that OpenID Connect and JWT bearer clients read.</summary>
    private object Metadata() => new Dictionary<string, object>
    {
        ["issuer"] = Issuer,
        ["authorization_endpoint"] = AuthorizationEndpoint,
        ["token_endpoint"] = $"{Instance}{TenantId}/oauth2/v2.0/token",
        ["end_session_endpoint"] = EndSessionEndpoint,
        ["jwks_uri"] = JwksUri,
        ["response_modes_supported"] = new[] { "query", "fragment", "form_post" },
        ["response_types_supported"] = new[] { "code", "id_token", "code id_token", "id_token token" },
        ["scopes_supported"] = new[] { "openid", "profile", "email", "offline_access" },
        ["subject_types_supported"] = new[] { "pairwise" },
        ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "private_key_jwt", "client_secret_basic" },
        ["claims_supported"] = new[] { "sub", "iss", "aud", "exp", "iat", "nbf", "nonce", "name", "oid", "tid", "roles", "preferred_username", "ver" },
    };

    /// <summary>The public half of the signing key only.</summary>
    private object Jwks()
    {
        var key = _signingKey.Rsa.ExportParameters(includePrivateParameters: false);
        return new
        {
            keys = new[]
            {
                new Dictionary<string, string>
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["alg"] = "RS256",
                    ["kid"] = KeyId,
                    ["n"] = Base64UrlEncoder.Encode(key.Modulus),
                    ["e"] = Base64UrlEncoder.Encode(key.Exponent),
                },
            },
        };
    }

    private Task ServeAsync(HttpContext http, object document)
    {
        if ((string?)http.Request.RouteValues["tenant"] != TenantId)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(JsonSerializer.Serialize(document));
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.StopAsync();
            await _server.DisposeAsync();
        }
        _signingKey.Rsa.Dispose();
        _otherKey.Rsa.Dispose();
    }
}
