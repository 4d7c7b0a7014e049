using Microsoft.Extensions.DependencyInjection;

namespace Apprenticeships.Storage.Levy;

public static class LevyStorageServiceCollectionExtensions
{
    /// <summary>Registers the levy tables and repositories (the storage account must be registered too).</summary>
    public static IServiceCollection AddLevyStorage(this IServiceCollection services)
    {
        services.AddSingleton<LevyTables>();
        services.AddSingleton<LevyEmployerRepository>();
        services.AddSingleton<LevyDeclarationRepository>();
        services.AddSingleton<EnglishFractionRepository>();
        services.AddSingleton<CommitmentRepository>();
        services.AddSingleton<LevyTransferRepository>();
        services.AddSingleton<AccountRecordsRepository>();
        return services;
    }
}
