namespace Apprenticeships.Functions.Hosting;

/// <summary>
/// Azure Functions custom-handler mode. The Functions host starts the app with
/// FUNCTIONS_CUSTOMHANDLER_PORT set and then delivers every trigger to it over HTTP; its queue
/// and timer triggers take the place of the in-process pollers, which would only race them.
/// </summary>
public static class CustomHandler
{
    public const string PortSetting = "FUNCTIONS_CUSTOMHANDLER_PORT";

    public static bool IsEnabled(IConfiguration configuration) => !string.IsNullOrEmpty(configuration[PortSetting]);
}
