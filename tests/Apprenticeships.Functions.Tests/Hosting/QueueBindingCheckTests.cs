using Apprenticeships.Durable;
using Apprenticeships.Durable.Storage;
using Apprenticeships.Functions.Triggers;
using Apprenticeships.Testing;

namespace Apprenticeships.Functions.Tests.Hosting;

public class QueueBindingCheckTests
{
    private static async Task<TaskHub> HubAsync(string name)
    {
        var account = await LocalAzurite.AccountAsync();
        return new TaskHub(account.Tables, account.Queues, account.Blobs, new DurableRuntimeOptions { TaskHub = name });
    }

    private static string AppFolder(string controlQueue)
    {
        var root = Directory.CreateTempSubdirectory("functionapp").FullName;
        Directory.CreateDirectory(Path.Combine(root, "ControlQueue"));
        File.WriteAllText(Path.Combine(root, "ControlQueue", "function.json"),
            $$"""{"bindings":[{"type":"queueTrigger","direction":"in","name":"message","queueName":"{{controlQueue}}","connection":"AzureWebJobsStorage"}]}""");
        return root;
    }

    [Fact]
    public async Task Function_json_naming_the_hubs_queues_passes_and_another_hubs_queues_stop_the_app()
    {
        QueueBindingCheck.Verify(AppFolder("apprenticeships-control"), await HubAsync("apprenticeships"));
        var other = await HubAsync("otherhub");
        var error = Assert.Throws<InvalidOperationException>(() => QueueBindingCheck.Verify(AppFolder("apprenticeships-control"), other));
        Assert.Contains("otherhub-control", error.Message);
    }

    [Fact]
    public async Task Without_function_json_beside_the_app_there_is_nothing_to_check()
    {
        QueueBindingCheck.Verify(Directory.CreateTempSubdirectory("functionapp").FullName, await HubAsync("anyhub"));
    }
}
