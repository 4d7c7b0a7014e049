using Apprenticeships.Functions.Hosting;

namespace Apprenticeships.Functions.Tests.Hosting;

/// <summary>Locally, the links in candidates' emails point at the address the app listens on.</summary>
public class LocalAddressTests
{
    [Theory]
    [InlineData("http://localhost:7071", "http://localhost:7071")]
    [InlineData("http://+:8080", "http://localhost:8080")]
    [InlineData("http://*:5000;https://*:5001", "http://localhost:5000")]
    [InlineData("http://0.0.0.0:9000/", "http://localhost:9000")]
    [InlineData("http://[::]:7000", "http://localhost:7000")]
    [InlineData("https://hub.example.test:8443", "https://hub.example.test:8443")]
    [InlineData("http://127.0.0.1:0", null)]
    [InlineData("", null)]
    public void The_first_listening_url_as_a_local_browser_reaches_it(string urls, string? expected) =>
        Assert.Equal(expected, InProcessHost.LocalAddress(urls));
}
