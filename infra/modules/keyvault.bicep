// Key Vault for the app's secrets (the SendGrid API key and the key that signs candidates'
// links), in RBAC mode: the app's identity may read secrets, an optional administrator may set
// them. Secrets are set after deployment (README "Deploy to Azure") so they never pass through
// deployment parameters or history.

@description('Key Vault name: 3-24 letters, digits and hyphens, unique across Azure.')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags { *: string }

@description('Name of the user-assigned identity the app runs as (in this resource group).')
param appIdentityName string

@description('Object id of a user or group allowed to set the secrets; empty for none.')
param vaultAdministratorObjectId string = ''

var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var keyVaultSecretsOfficer = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: appIdentityName
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

resource appReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, appIdentityName, keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource administratorSetsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(vaultAdministratorObjectId)) {
  name: guid(vault.id, vaultAdministratorObjectId, keyVaultSecretsOfficer)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsOfficer)
    principalId: vaultAdministratorObjectId
  }
}

output name string = vault.name
// Versionless secret URIs: a Key Vault reference follows the latest version of the secret.
output sendGridApiKeyUri string = '${vault.properties.vaultUri}secrets/SendGridApiKey/'
output linksSigningKeyUri string = '${vault.properties.vaultUri}secrets/LinksSigningKey/'
