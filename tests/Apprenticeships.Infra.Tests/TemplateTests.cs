using System.Text.Json.Nodes;

namespace Apprenticeships.Infra.Tests;

/// <summary>What the compiled template would create: the security and wiring README "Deploy to Azure" relies on.</summary>
public class TemplateTests(CompiledTemplate template) : IClassFixture<CompiledTemplate>
{
    [Fact]
    public void Storage_takes_entra_identities_only_over_tls_1_2_with_no_public_blobs()
    {
        var properties = template.Single("Microsoft.Storage/storageAccounts")["properties"]!;
        Assert.False((bool)properties["allowSharedKeyAccess"]!);
        Assert.False((bool)properties["allowBlobPublicAccess"]!);
        Assert.Equal("TLS1_2", (string?)properties["minimumTlsVersion"]);
    }

    [Theory]
    [InlineData("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "Storage Table Data Contributor")]
    [InlineData("974c5e8b-45b9-4653-ba55-5f855dd0fb88", "Storage Queue Data Contributor")]
    [InlineData("b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "Storage Blob Data Owner")]
    [InlineData("4633458b-17de-408a-b874-0445c86b69e6", "Key Vault Secrets User")]
    [InlineData("3913510d-42f4-4e42-8a64-420c390055eb", "Monitoring Metrics Publisher")]
    public void The_apps_identity_gets_the_built_in_role(string roleDefinitionId, string role)
    {
        var assignments = template.OfType("Microsoft.Authorization/roleAssignments").Select(a => a.ToJsonString());
        var variables = template.OfType("Microsoft.Resources/deployments").Select(d => d["properties"]?["template"]?["variables"]?.ToJsonString() ?? "");
        Assert.True(assignments.Concat(variables).Any(text => text.Contains(roleDefinitionId)), $"{role} ({roleDefinitionId}) is not assigned");
    }

    [Fact]
    public void Key_vault_uses_rbac_and_the_app_reads_its_secrets_through_references_with_its_own_identity()
    {
        var vault = template.Single("Microsoft.KeyVault/vaults")["properties"]!;
        Assert.True((bool)vault["enableRbacAuthorization"]!);
        Assert.True((bool)vault["enablePurgeProtection"]!);

        var site = template.Single("Microsoft.Web/sites");
        Assert.Equal("[parameters('identityId')]", (string?)site["properties"]!["keyVaultReferenceIdentity"]);
        var settings = AppSettings();
        Assert.StartsWith("[format('@Microsoft.KeyVault(SecretUri=", (string?)settings["SendGrid__ApiKey"]);
        Assert.StartsWith("[format('@Microsoft.KeyVault(SecretUri=", (string?)settings["Links__SigningKey"]);
    }

    [Fact]
    public void The_function_app_is_a_linux_custom_handler_on_a_plan_that_deploys_with_its_identity()
    {
        var plan = template.Single("Microsoft.Web/serverfarms");
        Assert.Equal("FC1", (string?)plan["sku"]!["name"]);
        Assert.True((bool)plan["properties"]!["reserved"]!); // Linux

        var site = template.Single("Microsoft.Web/sites");
        Assert.Contains("linux", (string?)site["kind"]);
        Assert.Equal("UserAssigned", (string?)site["identity"]!["type"]);
        Assert.True((bool)site["properties"]!["httpsOnly"]!);
        var config = site["properties"]!["functionAppConfig"]!;
        Assert.Equal("custom", (string?)config["runtime"]!["name"]);
        Assert.Equal("UserAssignedIdentity", (string?)config["deployment"]!["storage"]!["authentication"]!["type"]);
        Assert.All(template.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies"), p => Assert.False((bool)p["properties"]!["allow"]!));
    }

    [Fact]
    public void Host_storage_is_identity_based_with_one_uri_per_service()
    {
        var settings = AppSettings();
        foreach (var service in new[] { "blob", "queue", "table" })
        {
            Assert.True(settings.ContainsKey($"AzureWebJobsStorage__{service}ServiceUri"), $"no {service} service URI");
        }
        Assert.Equal("managedidentity", (string?)settings["AzureWebJobsStorage__credential"]);
        Assert.Equal("[parameters('identityClientId')]", (string?)settings["AzureWebJobsStorage__clientId"]);
        Assert.False(settings.ContainsKey("AzureWebJobsStorage")); // no connection string, no key
        Assert.False(settings.ContainsKey("FUNCTIONS_WORKER_RUNTIME")); // Flex takes it from functionAppConfig
    }

    [Fact]
    public void Telemetry_goes_to_application_insights_on_log_analytics_with_entra_authentication()
    {
        var insights = template.Single("Microsoft.Insights/components")["properties"]!;
        Assert.True((bool)insights["DisableLocalAuth"]!);
        Assert.Contains("Microsoft.OperationalInsights/workspaces", (string?)insights["WorkspaceResourceId"]);
        var settings = AppSettings();
        Assert.True(settings.ContainsKey("APPLICATIONINSIGHTS_CONNECTION_STRING"));
        Assert.Contains("Authorization=AAD", (string?)settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
    }

    private JsonObject AppSettings() => template.Single("Microsoft.Web/sites/config", "appsettings")["properties"]!.AsObject();
}
