// Staff sign in with Microsoft Entra ID through the platform's built-in authentication, in front of
// the app: every route needs a signed-in user or an Entra token for the app registration, except
// those whose callers the app authenticates itself (candidates' signed links, providers' API
// keys, SendGrid's signed webhook), the provider portal (signed in with a provider's key), the
// pages' styles and scripts, and the health probe. Roles within the hub (advisor, finance, admin)
// are the app's own business: it signs staff in to the same app registration itself.

@description('Name of the function app (in this resource group).')
param siteName string

@description('Application (client) id of the Entra app registration staff sign in to.')
param clientId string

// Kept equal to the app's routes by the infra tests (StaffSignInTests).
var pathsTheAppAuthenticates = [
  '/l/*'
  '/api/providers/learners'
  '/api/providers/confirmations'
  '/api/email/events'
  '/api/health'
  '/provider/*'
  '/assets/*'
]

resource site 'Microsoft.Web/sites@2024-04-01' existing = {
  name: siteName
}

resource authentication 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'RedirectToLoginPage'
      redirectToProvider: 'azureactivedirectory'
      excludedPaths: pathsTheAppAuthenticates
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: clientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
        }
        validation: {
          allowedAudiences: [
            clientId
            'api://${clientId}'
          ]
        }
      }
    }
    httpSettings: {
      requireHttps: true
    }
    login: {
      tokenStore: {
        enabled: false
      }
    }
  }
}
