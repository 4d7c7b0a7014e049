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
        Assert.Equal("[format('@Microsoft.KeyVault(SecretUri={0})', parameters('secretUris').sendGridApiKey)]", (string?)settings["SendGrid__ApiKey"]);
        Assert.Equal("[format('@Microsoft.KeyVault(SecretUri={0})', parameters('secretUris').linksSigningKey)]", (string?)settings["Links__SigningKey"]);
        // The vault's own (versionless) secret URIs, not values passed through the deployment.
        var uris = template.Module("functionapp")["properties"]!["parameters"]!["secretUris"]!["value"]!;
        Assert.Equal("[reference('keyVault').outputs.sendGridApiKeyUri.value]", (string?)uris["sendGridApiKey"]);
        Assert.Equal("[reference('keyVault').outputs.linksSigningKeyUri.value]", (string?)uris["linksSigningKey"]);
        Assert.DoesNotContain(template.Root["parameters"]!.AsObject(), p => p.Key.Contains("ApiKey", StringComparison.OrdinalIgnoreCase) || p.Key.Contains("SigningKey", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_function_app_runs_dotnet_isolated_10_on_linux_flex_consumption_and_deploys_with_its_identity()
    {
        var plan = template.Single("Microsoft.Web/serverfarms");
        Assert.Equal("FC1", (string?)plan["sku"]!["name"]);
        Assert.Equal("FlexConsumption", (string?)plan["sku"]!["tier"]);
        Assert.True((bool)plan["properties"]!["reserved"]!); // Linux

        var site = template.Single("Microsoft.Web/sites");
        Assert.Contains("linux", (string?)site["kind"]);
        Assert.Equal("UserAssigned", (string?)site["identity"]!["type"]);
        Assert.True((bool)site["properties"]!["httpsOnly"]!);
        var config = site["properties"]!["functionAppConfig"]!;
        Assert.Equal("dotnet-isolated", (string?)config["runtime"]!["name"]);
        // A string, as the resource provider expects: "10.0", not the number 10.
        var version = Assert.IsAssignableFrom<JsonValue>(config["runtime"]!["version"]);
        Assert.Equal(System.Text.Json.JsonValueKind.String, version.GetValueKind());
        Assert.Equal("10.0", version.GetValue<string>());

        var deployment = config["deployment"]!["storage"]!;
        Assert.Equal("blobContainer", (string?)deployment["type"]);
        Assert.Equal("UserAssignedIdentity", (string?)deployment["authentication"]!["type"]);
        Assert.Equal("[parameters('identityId')]", (string?)deployment["authentication"]!["userAssignedIdentityResourceId"]);
        Assert.Null(deployment["authentication"]!["storageAccountConnectionStringName"]);
        Assert.All(template.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies"), p => Assert.False((bool)p["properties"]!["allow"]!));
    }

    [Fact]
    public void Scale_is_bounded_and_every_group_scales_to_zero_unless_asked_otherwise()
    {
        var scale = template.Single("Microsoft.Web/sites")["properties"]!["functionAppConfig"]!["scaleAndConcurrency"]!;
        Assert.Equal("[parameters('maximumInstanceCount')]", (string?)scale["maximumInstanceCount"]);
        Assert.Equal("[parameters('instanceMemoryMB')]", (string?)scale["instanceMemoryMB"]);
        Assert.Equal("[parameters('alwaysReady')]", (string?)scale["alwaysReady"]);

        var main = template.Root["parameters"]!;
        var maximum = (int)main["maximumInstanceCount"]!["defaultValue"]!;
        Assert.InRange(maximum, 40, 1000); // 40: the lowest maximum most regions accept
        Assert.Equal(1000, (int)main["maximumInstanceCount"]!["maxValue"]!);
        Assert.Equal(2048, (int)main["instanceMemoryMB"]!["defaultValue"]!);
        Assert.Equal([512, 2048, 4096], main["instanceMemoryMB"]!["allowedValues"]!.AsArray().Select(v => (int)v!));
        // The scale controller wakes the app for the task hub's queues and the timers' schedules,
        // so no instance is kept running (and billed) unless a deployment asks for one.
        Assert.Empty(main["alwaysReady"]!["defaultValue"]!.AsArray());

        var parameters = template.Module("functionapp")["properties"]!["parameters"]!;
        Assert.Equal("[parameters('maximumInstanceCount')]", (string?)parameters["maximumInstanceCount"]!["value"]);
        Assert.Equal("[parameters('instanceMemoryMB')]", (string?)parameters["instanceMemoryMB"]!["value"]);
        Assert.Equal("[parameters('alwaysReady')]", (string?)parameters["alwaysReady"]!["value"]);
    }

    [Fact]
    public void Nothing_is_left_of_the_custom_handler()
    {
        var site = template.Single("Microsoft.Web/sites");
        Assert.NotEqual("custom", (string?)site["properties"]!["functionAppConfig"]!["runtime"]!["name"]);
        var settings = AppSettings();
        Assert.DoesNotContain(settings, s => s.Key.Contains("customHandler", StringComparison.OrdinalIgnoreCase));

        // Not in the sources either: no comment still explains a setting by the custom handler.
        foreach (var file in Directory.GetFiles(Bicep.InfraFolder, "*.bicep*", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            foreach (var leftover in new[] { "custom handler", "customHandler", "executable", "FunctionJson", "in-process engine", "inside the app's process" })
            {
                Assert.False(text.Contains(leftover, StringComparison.OrdinalIgnoreCase), $"{Path.GetFileName(file)} still mentions \"{leftover}\"");
            }
        }
    }

    [Theory]
    [InlineData("FUNCTIONS_WORKER_RUNTIME")]
    [InlineData("FUNCTIONS_WORKER_RUNTIME_VERSION")]
    [InlineData("FUNCTIONS_EXTENSION_VERSION")]
    [InlineData("FUNCTIONS_MAX_HTTP_CONCURRENCY")]
    [InlineData("FUNCTIONS_WORKER_PROCESS_COUNT")]
    [InlineData("WEBSITE_RUN_FROM_PACKAGE")]
    [InlineData("WEBSITE_CONTENTSHARE")]
    [InlineData("WEBSITE_CONTENTAZUREFILECONNECTIONSTRING")]
    [InlineData("WEBSITE_MAX_DYNAMIC_APPLICATION_SCALE_OUT")]
    [InlineData("SCM_DO_BUILD_DURING_DEPLOYMENT")]
    [InlineData("ENABLE_ORYX_BUILD")]
    [InlineData("WEBSITE_TIME_ZONE")]
    public void Flex_consumption_deprecated_settings_are_not_set(string setting)
    {
        // Flex takes these from functionAppConfig (runtime, deployment, scaleAndConcurrency) or
        // does not support them; FUNCTIONS_WORKER_RUNTIME in particular conflicts with the runtime.
        Assert.DoesNotContain(AppSettings(), s => string.Equals(s.Key, setting, StringComparison.OrdinalIgnoreCase));
        Assert.Null(template.Single("Microsoft.Web/sites")["properties"]!["siteConfig"]?["appSettings"]); // all in the appsettings resource
    }

    [Fact]
    public void Flex_consumption_deprecated_site_properties_are_not_set()
    {
        var properties = template.Single("Microsoft.Web/sites")["properties"]!.AsObject();
        var siteConfig = properties["siteConfig"]?.AsObject() ?? [];
        foreach (var property in new[] { "linuxFxVersion", "netFrameworkVersion", "alwaysOn", "ftpsState", "functionAppScaleLimit", "preWarmedInstanceCount", "use32BitWorkerProcess", "vnetRouteAllEnabled", "javaVersion", "powerShellVersion" })
        {
            Assert.False(siteConfig.Any(p => string.Equals(p.Key, property, StringComparison.OrdinalIgnoreCase)), $"siteConfig.{property} is set");
            Assert.False(properties.Any(p => string.Equals(p.Key, property, StringComparison.OrdinalIgnoreCase)), $"{property} is set");
        }
        Assert.False(properties.ContainsKey("containerSize"));
    }

    [Fact]
    public void Host_storage_is_identity_based_with_one_uri_per_service()
    {
        var settings = AppSettings();
        foreach (var service in new[] { "blob", "queue", "table" })
        {
            Assert.True(settings.ContainsKey($"AzureWebJobsStorage__{service}ServiceUri"), $"no {service} service URI");
        }
        Assert.Equal("[parameters('storage').blob]", (string?)settings["AzureWebJobsStorage__blobServiceUri"]);
        Assert.Equal("[parameters('storage').queue]", (string?)settings["AzureWebJobsStorage__queueServiceUri"]);
        Assert.Equal("[parameters('storage').table]", (string?)settings["AzureWebJobsStorage__tableServiceUri"]);
        Assert.Equal("managedidentity", (string?)settings["AzureWebJobsStorage__credential"]);
        Assert.Equal("[parameters('identityClientId')]", (string?)settings["AzureWebJobsStorage__clientId"]);
        Assert.False(settings.ContainsKey("AzureWebJobsStorage")); // no connection string, no key
        Assert.False(settings.ContainsKey("AzureWebJobsStorage__accountName")); // the three URIs instead

        // The URIs are the storage module's endpoints, and the client id is the identity module's.
        var storage = template.Module("functionapp")["properties"]!["parameters"]!["storage"]!["value"]!;
        Assert.Equal("[reference('storage').outputs.blobEndpoint.value]", (string?)storage["blob"]);
        Assert.Equal("[reference('storage').outputs.queueEndpoint.value]", (string?)storage["queue"]);
        Assert.Equal("[reference('storage').outputs.tableEndpoint.value]", (string?)storage["table"]);
        Assert.Equal("[reference('identity').outputs.clientId.value]", (string?)template.Module("functionapp")["properties"]!["parameters"]!["identityClientId"]!["value"]);
    }

    [Fact]
    public void The_apps_identity_has_the_three_storage_data_roles_durable_functions_needs_on_the_account()
    {
        // Durable Functions' Azure Storage backend on identity-based AzureWebJobsStorage: lease and
        // large-message blobs, control and work-item queues, History and Instances tables.
        var assignments = template.ResourcesOf("storage", "Microsoft.Authorization/roleAssignments").ToList();
        Assert.NotEmpty(assignments);
        var storageVariables = template.Module("storage")["properties"]!["template"]!["variables"]?.ToJsonString() ?? "";
        var granted = new HashSet<string>();
        foreach (var assignment in assignments)
        {
            Assert.Equal("[resourceId('Microsoft.Storage/storageAccounts', parameters('name'))]", (string?)assignment["scope"]);
            Assert.Equal("[reference('appIdentity').principalId]", (string?)assignment["properties"]!["principalId"]);
            Assert.Equal("ServicePrincipal", (string?)assignment["properties"]!["principalType"]);
            var roleDefinition = (string)assignment["properties"]!["roleDefinitionId"]!;
            // Either a literal role id or one from the module's variables (a loop over them).
            granted.UnionWith(Guids(roleDefinition.Contains("variables(") ? storageVariables : roleDefinition));
        }
        Assert.Superset(new HashSet<string>
        {
            "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", // Storage Blob Data Owner
            "974c5e8b-45b9-4653-ba55-5f855dd0fb88", // Storage Queue Data Contributor
            "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", // Storage Table Data Contributor
        }, granted);

        // The principal is the identity the app runs as: the storage module looks up the identity
        // the identity module creates, by the same name.
        var appIdentity = Assert.Single(template.ResourcesOf("storage", "Microsoft.ManagedIdentity/userAssignedIdentities"));
        Assert.True((bool)appIdentity["existing"]!);
        Assert.Equal("[parameters('appIdentityName')]", (string?)appIdentity["name"]);
        Assert.Equal(
            (string?)template.Module("identity")["properties"]!["parameters"]!["name"]!["value"],
            (string?)template.Module("storage")["properties"]!["parameters"]!["appIdentityName"]!["value"]);
        Assert.Equal("[reference('identity').outputs.id.value]", (string?)template.Module("functionapp")["properties"]!["parameters"]!["identityId"]!["value"]);
    }

    [Fact]
    public void No_account_key_or_key_bearing_connection_string_anywhere()
    {
        var text = template.Root.ToJsonString();
        foreach (var keyed in new[] { "listKeys", "listAccountSas", "listServiceSas", "AccountKey", "SharedAccessSignature", "SharedAccessKey", "DefaultEndpointsProtocol" })
        {
            Assert.False(text.Contains(keyed, StringComparison.OrdinalIgnoreCase), $"the template uses {keyed}");
        }
        var settings = AppSettings();
        Assert.DoesNotContain(settings, s => s.Key.Contains("ConnectionString", StringComparison.OrdinalIgnoreCase));
        // The one connection string left names Application Insights, which takes only Entra tokens.
        Assert.Equal(["APPLICATIONINSIGHTS_CONNECTION_STRING"], settings.Where(s => s.Key.Contains("CONNECTION_STRING", StringComparison.OrdinalIgnoreCase)).Select(s => s.Key));
        Assert.DoesNotContain(template.OfType("Microsoft.Web/sites/config"), c => ((string?)c["name"])!.Contains("connectionstrings", StringComparison.OrdinalIgnoreCase));
    }

    private static IEnumerable<string> Guids(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}").Select(m => m.Value);

    [Fact]
    public void Telemetry_goes_to_application_insights_on_log_analytics_with_entra_authentication()
    {
        var insights = template.Single("Microsoft.Insights/components")["properties"]!;
        Assert.True((bool)insights["DisableLocalAuth"]!);
        Assert.Contains("Microsoft.OperationalInsights/workspaces", (string?)insights["WorkspaceResourceId"]);
        var settings = AppSettings();
        Assert.Equal("[parameters('insightsConnectionString')]", (string?)settings["APPLICATIONINSIGHTS_CONNECTION_STRING"]);
        Assert.Equal("[reference('monitoring').outputs.insightsConnectionString.value]",
            (string?)template.Module("functionapp")["properties"]!["parameters"]!["insightsConnectionString"]!["value"]);
        // Entra authentication with the user-assigned identity, which may publish metrics there.
        var authentication = (string?)settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"];
        Assert.Contains("Authorization=AAD", authentication);
        Assert.Contains("parameters('identityClientId')", authentication);
        var publisher = Assert.Single(template.ResourcesOf("monitoring", "Microsoft.Authorization/roleAssignments"));
        Assert.Contains("Microsoft.Insights/components", (string?)publisher["scope"]);
        Assert.Contains("3913510d-42f4-4e42-8a64-420c390055eb", template.Module("monitoring")["properties"]!["template"]!.ToJsonString());
    }

    private JsonObject AppSettings() => template.Single("Microsoft.Web/sites/config", "appsettings")["properties"]!.AsObject();
}
