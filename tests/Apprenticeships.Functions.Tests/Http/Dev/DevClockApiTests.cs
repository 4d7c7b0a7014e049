using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Apprenticeships.Functions.Tests.Http.Dev;

public class DevClockApiTests
{
    [Fact]
    public async Task Advancing_the_development_clock_moves_runtime_time_forward()
    {
        await using var app = await AppFactory.CreateAsync();
        var http = app.CreateClient();
        var before = await http.GetFromJsonAsync<JsonElement>("/api/dev/clock");

        var response = await http.PostAsJsonAsync("/api/dev/clock/advance", new { by = "P30D" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = await response.Content.ReadFromJsonAsync<JsonElement>();
        var moved = after.GetProperty("utcNow").GetDateTimeOffset() - before.GetProperty("utcNow").GetDateTimeOffset();
        Assert.InRange(moved, TimeSpan.FromDays(30), TimeSpan.FromDays(30.01));
        Assert.Equal("P30D", after.GetProperty("offset").GetString());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"by\":\"thirty days\"}")]
    [InlineData("{\"by\":\"-P1D\"}")]
    [InlineData("{\"by\":\"PT0S\"}")]
    [InlineData("{\"by\":123}")]
    [InlineData("{\"by\":\"P99999W\"}")]
    [InlineData("{\"by\":\"P10000D\"}")]
    public async Task A_bad_duration_is_a_400_naming_the_field_and_leaves_the_clock_alone(string body)
    {
        await using var app = await AppFactory.CreateAsync();
        var http = app.CreateClient();

        var response = await http.PostAsync("/api/dev/clock/advance", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("by", out _));
        var clock = await http.GetFromJsonAsync<JsonElement>("/api/dev/clock");
        Assert.Equal("PT0S", clock.GetProperty("offset").GetString());
    }

    [Fact]
    public async Task The_clock_endpoints_do_not_exist_outside_development()
    {
        await using var app = await AppFactory.CreateAsync("Production");
        var http = app.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/dev/clock")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsJsonAsync("/api/dev/clock/advance", new { by = "P1D" })).StatusCode);
    }
}
