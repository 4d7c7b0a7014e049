using Apprenticeships.Domain.Levy.Policy;
using Apprenticeships.Storage.Levy;
using Microsoft.Extensions.DependencyInjection.Extensions;

// In the DI namespace so Program.cs needs one line and no using to register the levy.
namespace Microsoft.Extensions.DependencyInjection;

public static class LevyServiceCollectionExtensions
{
    /// <summary>The levy account, funding rules and finance API's services.</summary>
    public static IServiceCollection AddLevy(this IServiceCollection services)
    {
        services.TryAddSingleton(FundingPolicy.England);
        services.TryAddSingleton(TimeProvider.System);
        services.AddLevyStorage();
        return services;
    }
}
