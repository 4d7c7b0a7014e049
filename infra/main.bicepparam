// Parameters for a council's deployment; edit, then see README "Deploy to Azure".
using 'main.bicep'

param name = 'apprentice'
param hubName = 'Worcestershire Employment and Training Hub'
param emailFrom = 'hub@worcestershire.example'
param advisorAlertsTo = 'hub-advisors@worcestershire.example'
// After registering an Entra app for staff sign-in (README "Deploy to Azure"):
// param staffSignInClientId = '<application (client) id>'
// To let yourself set the Key Vault secrets: az ad signed-in-user show --query id -o tsv
// param vaultAdministratorObjectId = '<object id>'
