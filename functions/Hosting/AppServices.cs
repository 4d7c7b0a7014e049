using System.Text.Json.Serialization;
using Apprenticeships.Email;
using Apprenticeships.Functions.Http;
using Apprenticeships.Functions.Schedules;

namespace Apprenticeships.Functions.Hosting;

/// <summary>The services every host of the app needs: the application, email, sign-in, the pages' assets, the scheduled jobs.</summary>
public static class AppServices
{
    public static IHostApplicationBuilder AddAppServices(this IHostApplicationBuilder builder, FrontendAssets assets)
    {
        var services = builder.Services;
        services.AddRouting();
        services.AddProblemDetails();
        services.AddApiDocument();
        services.AddExceptionHandler<StorageUnavailable>();
        // Stages, sources and statuses read and write as their names, as people type them; a number (7 or "7")
        // is refused, since any number casts to an enum whether or not it names a value.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false)));
        // Money in pounds and pence: 1000.00, never 1000 in one field and 17500.0 in the next.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new MoneyJsonConverter()));
        services.AddApplication(builder.Configuration, builder.Environment.IsDevelopment());
        services.AddEmail(builder.Configuration);
        services.AddScheduledJobs();
        services.AddSingleton<Dev.DemoHub>();
        services.AddSingleton<PersonalDataAudit>();
        builder.AddStaffSignIn();
        services.AddSignInKeyRing();
        services.AddSingleton(assets);
        return builder;
    }
}
