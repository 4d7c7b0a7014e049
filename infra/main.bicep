// Everything the Apprenticeships function app needs in one resource group: its identity,
// storage, Key Vault, monitoring and the function app. Local modules only, so it builds offline.
// Deploy: README "Deploy to Azure".

targetScope = 'resourceGroup'

import { alwaysReadyInstances } from 'modules/functionapp.bicep'

@description('Short name the resources are named from: 3-11 lowercase letters and digits.')
@minLength(3)
@maxLength(11)
param name string

@description('Azure region; it must offer the Flex Consumption plan.')
param location string = resourceGroup().location

@description('The hub\'s name as candidates see it in emails.')
param hubName string

@description('Address the hub\'s emails come from (a SendGrid verified sender).')
param emailFrom string

@description('Sender name on the hub\'s emails.')
param emailFromName string = hubName

@description('Mailbox told (by candidate id only) about bounces and candidates who need attention; empty for none.')
param advisorAlertsTo string = ''

@description('SendGrid event webhook verification key (base64, from SendGrid\'s mail settings); empty refuses every webhook post.')
param sendGridWebhookPublicKey string = ''

@description('Object id of the user or group who sets the Key Vault secrets (e.g. `az ad signed-in-user show --query id -o tsv`); empty for none.')
param vaultAdministratorObjectId string = ''

@description('Application (client) id of the Entra app registration staff sign in with; empty leaves the app without platform sign-in.')
param staffSignInClientId string = ''

@description('Most on-demand instances the function app may scale out to, per scale group (HTTP, Durable Functions, each timer function). 40 is the lowest most regions accept.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory per instance in MB: 2048 (1 vCPU) suits the host, the .NET worker and Durable Functions; 512 (0.25 vCPU) is cheaper and slower, 4096 (2 vCPU) for heavy load.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Instances kept running per scale group, e.g. [{ name: \'durable\', instanceCount: 1 }] to spare the workflows cold starts; billed while idle. Empty: every group scales to zero.')
param alwaysReady alwaysReadyInstances[] = []

@description('Tags for every resource.')
param tags { *: string } = {
  application: 'apprenticeships'
}

// Globally unique names: the short name plus a hash of the resource group.
var suffix = uniqueString(resourceGroup().id, name)
var appName = '${name}-${suffix}'
// Named here, not taken from the identity module's outputs, so role assignment names are known
// when the deployment starts (what-if can predict them).
var identityName = '${appName}-id'

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: identityName
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  dependsOn: [identity]
  params: {
    name: take('${name}${suffix}', 24)
    location: location
    tags: tags
    appIdentityName: identityName
    deploymentContainerName: 'app-package'
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  dependsOn: [identity]
  params: {
    name: take('${name}-${suffix}', 24)
    location: location
    tags: tags
    appIdentityName: identityName
    vaultAdministratorObjectId: vaultAdministratorObjectId
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  dependsOn: [identity]
  params: {
    name: appName
    location: location
    tags: tags
    appIdentityName: identityName
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    name: appName
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storage: {
      blob: storage.outputs.blobEndpoint
      queue: storage.outputs.queueEndpoint
      table: storage.outputs.tableEndpoint
      deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    }
    insightsConnectionString: monitoring.outputs.insightsConnectionString
    secretUris: {
      sendGridApiKey: keyVault.outputs.sendGridApiKeyUri
      linksSigningKey: keyVault.outputs.linksSigningKeyUri
    }
    hub: {
      name: hubName
      emailFrom: emailFrom
      emailFromName: emailFromName
      advisorAlertsTo: advisorAlertsTo
    }
    sendGridWebhookPublicKey: sendGridWebhookPublicKey
    entraClientId: staffSignInClientId
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    alwaysReady: alwaysReady
  }
}

module staffSignIn 'modules/staff-sign-in.bicep' = if (!empty(staffSignInClientId)) {
  name: 'staff-sign-in'
  dependsOn: [functionApp]
  params: {
    siteName: appName
    clientId: staffSignInClientId
  }
}

@description('The function app, for `az functionapp deployment source config-zip --name`.')
output functionAppName string = functionApp.outputs.name

@description('Where the app answers, e.g. https://<host>/api/health.')
output functionAppUrl string = 'https://${functionApp.outputs.hostName}'

@description('The Key Vault to put SendGridApiKey and LinksSigningKey in.')
output keyVaultName string = keyVault.outputs.name

@description('The storage account holding the app\'s tables, queues and blobs.')
output storageAccountName string = storage.outputs.name

@description('Client id of the app\'s managed identity.')
output identityClientId string = identity.outputs.clientId
