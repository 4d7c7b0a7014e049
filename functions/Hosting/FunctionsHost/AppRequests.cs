namespace Apprenticeships.Functions.Hosting.FunctionsHost;

/// <summary>
/// The app's request pipeline (<see cref="AppPipeline"/>) built once inside the Functions worker,
/// where the ASP.NET Core integration owns the web server: each HTTP function runs the request
/// the host forwarded through it, so routing, sign-in, security headers and error handling are
/// the ones Kestrel runs in-process. Its routes are what <see cref="AppFunctions"/> lists.
/// </summary>
public sealed class AppRequests
{
    private readonly Lazy<(RequestDelegate Pipeline, EndpointDataSource Routes)> _built;

    public AppRequests(IServiceProvider services, IHostEnvironment environment) => _built = new(() =>
    {
        var app = new ApplicationBuilder(services);
        EndpointDataSource? routes = null;
        app.UseAppPipeline(environment, mapped => routes = new CompositeEndpointDataSource(mapped.DataSources));
        return (app.Build(), routes!);
    });

    public IEnumerable<RouteEndpoint> Routes => _built.Value.Routes.Endpoints.OfType<RouteEndpoint>();

    public Task HandleAsync(HttpContext http)
    {
        // The worker's own routing matched this request to its function; match it again against
        // the app's routes, which carry the handlers, route values and authorisation.
        http.SetEndpoint(null);
        http.Request.RouteValues.Clear();
        return _built.Value.Pipeline(http);
    }
}
