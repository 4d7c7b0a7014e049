// The function app: Linux, Flex Consumption, running the published app as a custom handler.
// Flex Consumption because it deploys from a blob container through the app's managed identity
// and needs no Azure Files share, so the storage account can refuse shared keys and
// `az functionapp deployment source config-zip` still works. (Elastic Premium and Linux
// Consumption both want a key-based Azure Files or package connection for zip deployment.)

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

@description('Most instances the app may scale out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory per instance in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int

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
      ftpsState: 'Disabled'
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
        // The workflow engine runs inside the app's process and polls its task hub itself; the
        // host scales on HTTP only, so one instance stays up for timers and signals.
        alwaysReady: [
          {
            name: 'http'
            instanceCount: 1
          }
        ]
      }
      // host.json's customHandler section starts the published executable.
      runtime: {
        name: 'custom'
        version: '1.0'
      }
    }
  }
}

// Settings live in their own resource so they can name the site's host name.
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: {
    // Identity-based host storage, read by the Functions host and the app alike.
    AzureWebJobsStorage__blobServiceUri: storage.blob
    AzureWebJobsStorage__queueServiceUri: storage.queue
    AzureWebJobsStorage__tableServiceUri: storage.table
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId
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
