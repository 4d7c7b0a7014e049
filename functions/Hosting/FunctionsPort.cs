namespace Apprenticeships.Functions.Hosting;

public static class FunctionsPort
{
    /// <summary>
    /// Listen where an Azure Functions developer expects: the custom-handler port when the
    /// Functions host starts us, else http://localhost:7071 unless URLs were set explicitly.
    /// </summary>
    public static void UseFunctionsPort(this WebApplicationBuilder builder)
    {
        if (CustomHandler.IsEnabled(builder.Configuration))
        {
            // Only the Functions host on this machine calls us; it uses 127.0.0.1.
            builder.WebHost.UseUrls($"http://127.0.0.1:{builder.Configuration[CustomHandler.PortSetting]}");
        }
        else if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls("http://localhost:7071");
        }
    }
}
