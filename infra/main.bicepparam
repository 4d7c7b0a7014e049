// Parameters for a council's deployment; edit, then see README "Deploy to Azure".
using 'main.bicep'

param name = 'apprentice'
param hubName = 'Worcestershire Employment and Training Hub'
param emailFrom = 'hub@worcestershire.example'
param advisorAlertsTo = 'hub-advisors@worcestershire.example'
