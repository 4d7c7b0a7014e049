namespace Apprenticeships.Functions.Pages.Employers;

public static class ProgressionPages
{
    public static IEndpointRouteBuilder MapProgressionPages(this IEndpointRouteBuilder app) => app;
}
