// The function app: Linux, Flex Consumption, running the published app on the .NET isolated
// worker (dotnet-isolated, .NET 10), with Durable Functions on the Azure Storage backend.
// Flex Consumption because it deploys from a blob container through the app's managed identity
// and needs no Azure Files share, so the storage account can refuse shared keys and
// `az functionapp deployment source config-zip` still works. (Elastic Premium and Linux
// Consumption both want a key-based Azure Files or package connection for zip deployment.)
//
// Flex takes the language from functionAppConfig.runtime: FUNCTIONS_WORKER_RUNTIME,
// FUNCTIONS_EXTENSION_VERSION, WEBSITE_RUN_FROM_PACKAGE, WEBSITE_CONTENT*, linuxFxVersion,
// ftpsState and the like are deprecated on this plan and are not set here (the infra tests keep
// them out).

@description('A per-function scale group and how many instances it keeps running.')
@export()
type alwaysReadyInstances = {
  @description('`http` (every HTTP function), `durable` (orchestrations, activities, entities), `blob`, or `function:<name>`.')
  name: string

  @description('Instances kept running for that group, billed while idle.')
  @minValue(1)
  instanceCount: int
}

@description('Application (client) id of the Entra app registration staff sign in to; empty leaves staff sign-in off.')
param entraClientId string

@description('Function app name; also the first label of its default host name.')
param name string

@description('Azure region (one that offers Flex Consumption).')
param location string

@description('Tags for every resource.')
param tags { *: string }

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of that identity.')
param identityClientId string

@description('Storage service endpoints (https://<account>.<service>.core.windows.net/).')
param storage { blob: string, queue: string, table: string, deploymentContainerUrl: string }

@description('Application Insights connection string.')
param insightsConnectionString string

@description('Key Vault secret URIs of the SendGrid API key and the candidate-link signing key.')
param secretUris { sendGridApiKey: string, linksSigningKey: string }

@description('What candidates and advisors see: the hub name and the sender of its emails.')
param hub { name: string, emailFrom: string, emailFromName: string, advisorAlertsTo: string }

@description('SendGrid event webhook verification key (base64); empty refuses every webhook post.')
param sendGridWebhookPublicKey string

@description('Most on-demand instances the app may scale out to (per scale group).')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory per instance in MB (512: 0.25 vCPU, 2048: 1 vCPU, 4096: 2 vCPU).')
@allowed([512, 2048, 4096])
param instanceMemoryMB int

@description('Instances kept running per scale group; empty scales every group to zero when idle.')
param alwaysReady alwaysReadyInstances[]

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${name}-plan'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references in app settings resolve with this identity.
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: storage.deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
        // Nothing needs an instance kept up: the scale controller watches the Durable Functions
        // task hub's control and work-item queues (including timer messages as they come due)
        // and the timer functions' schedules, and starts an instance when there is work. Always
        // ready instances only trade cost for cold-start latency (README "Deploy to Azure").
        alwaysReady: alwaysReady
      }
      // The published app: host.json, Apprenticeships.Functions.dll, worker.config.json,
      // functions.metadata; framework-dependent, the platform provides .NET 10.
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// Settings live in their own resource so they can name the site's host name.
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: {
    // Identity-based host storage: the Functions host (its keys, locks and timer schedules), the
    // Durable Functions task hub (its queues, tables and lease blobs) and the app's own tables,
    // queues and blobs, all in one account, with the user-assigned identity (its roles:
    // modules/storage.bicep).
    AzureWebJobsStorage__blobServiceUri: storage.blob
    AzureWebJobsStorage__queueServiceUri: storage.queue
    AzureWebJobsStorage__tableServiceUri: storage.table
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId
    // Local authentication is off on the component, so the host sends telemetry with an Entra
    // token for the identity (Monitoring Metrics Publisher: modules/monitoring.bicep).
    APPLICATIONINSIGHTS_CONNECTION_STRING: insightsConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
    SendGrid__ApiKey: '@Microsoft.KeyVault(SecretUri=${secretUris.sendGridApiKey})'
    SendGrid__WebhookPublicKey: sendGridWebhookPublicKey
    Links__SigningKey: '@Microsoft.KeyVault(SecretUri=${secretUris.linksSigningKey})'
    Hub__Name: hub.name
    Hub__PublicUrl: 'https://${site.properties.defaultHostName}'
    Email__From: hub.emailFrom
    Email__FromName: hub.emailFromName
    Email__AdvisorAlertsTo: hub.advisorAlertsTo
    // Staff pages sign in with OpenID Connect and APIs take Entra tokens, roles from the app roles.
    Entra__TenantId: tenant().tenantId
    Entra__ClientId: entraClientId
  }
}

// Deployments authenticate with Microsoft Entra ID, never with publishing passwords.
resource noScmPasswords 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

resource noFtpPasswords 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

output name string = site.name
output hostName string = site.properties.defaultHostName
