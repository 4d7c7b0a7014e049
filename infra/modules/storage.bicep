// The storage account the app keeps everything in (tables, queues, blobs), with the Durable
// Functions task hub that runs the workflows and the Functions host's own state and deployment
// package. Only Microsoft Entra identities get in: shared keys and anonymous blob access are off.

@description('Storage account name: 3-24 lowercase letters and digits, unique across Azure.')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags { *: string }

@description('Name of the user-assigned identity the app runs as (in this resource group).')
param appIdentityName string

@description('Blob container the Flex Consumption plan deploys the app package from.')
param deploymentContainerName string

// Built-in role definitions the app's identity gets on this account (the ids are the same in
// every tenant). With identity-based AzureWebJobsStorage, Durable Functions' Azure Storage backend
// keeps its task hub here and needs all three; so do the host and the app:
// - Storage Blob Data Owner: the task hub's partition lease blobs and large-message payloads, the
//   host's keys and its singleton locks (timer functions run on one instance at a time), the
//   Flex deployment package (functionapp.bicep) and the app's own blobs (staff sign-in keys
//   among them). Owner, not just Contributor, is what the Functions host's storage needs.
// - Storage Queue Data Contributor: the task hub's control and work-item queues, which carry
//   every orchestration event, activity and durable timer (the scale controller reads them too).
// - Storage Table Data Contributor: the task hub's History and Instances tables, and every table
//   of the app's own.
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
}

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: appIdentityName
}

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    accessTier: 'Hot'
  }
}

resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobs
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

// One assignment per role above, to the app's identity, on this account only. The names are
// those earlier deployments used, so a redeployment updates them rather than failing on a
// second assignment of the same role.
resource appRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in items(roles): {
    name: guid(account.id, appIdentityName, role.value)
    scope: account
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.value)
      principalId: appIdentity.properties.principalId
      principalType: 'ServicePrincipal'
    }
  }
]

output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
output queueEndpoint string = account.properties.primaryEndpoints.queue
output tableEndpoint string = account.properties.primaryEndpoints.table
output deploymentContainerUrl string = '${account.properties.primaryEndpoints.blob}${deploymentContainer.name}'
