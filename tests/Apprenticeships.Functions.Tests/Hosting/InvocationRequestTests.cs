using System.Text.Json;
using Apprenticeships.Functions.Triggers;

namespace Apprenticeships.Functions.Tests.Hosting;

public class InvocationRequestTests
{
    private const string Message = """{"id":"s:abc:0","instanceId":"abc"}""";

    private static InvocationRequest Parse(string json) => JsonSerializer.Deserialize<InvocationRequest>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;

    [Fact]
    public void A_queue_message_reads_back_to_the_queued_text_however_the_host_encoded_it()
    {
        var asDocumented = JsonSerializer.Serialize(new { Data = new { message = Message } });
        var encodedTwice = JsonSerializer.Serialize(new { Data = new { message = JsonSerializer.Serialize(Message) } });
        var parsed = "{\"Data\":{\"message\":" + Message + "}}";
        foreach (var body in new[] { asDocumented, encodedTwice, parsed })
        {
            Assert.Equal(Message, Parse(body).QueueMessage("message"));
        }
        Assert.Equal("plain text", Parse("""{"Data":{"message":"plain text"}}""").QueueMessage("message"));
        Assert.Null(Parse("""{"Data":{"other":"x"}}""").QueueMessage("message"));
    }

    [Fact]
    public void The_dequeue_count_is_read_as_a_number_or_a_number_in_a_string_and_is_1_when_missing()
    {
        Assert.Equal(3, Parse("""{"Metadata":{"DequeueCount":3}}""").DequeueCount());
        Assert.Equal(4, Parse("""{"Metadata":{"DequeueCount":"4"}}""").DequeueCount());
        Assert.Equal(5, Parse("""{"Metadata":{"DequeueCount":"\"5\""}}""").DequeueCount());
        Assert.Equal(1, Parse("""{"Metadata":{}}""").DequeueCount());
        Assert.Equal(1, Parse("{}").DequeueCount());
    }
}
