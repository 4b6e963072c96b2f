// The function app's user-assigned managed identity. It exists, and its role assignments are made,
// before the app is created (as Microsoft's Flex Consumption samples do), so the app's first start
// does not race its own storage, OpenAI and telemetry roles; the database user is made from its client
// id by the postprovision hook (infra/scripts/grant-sql-access.mjs).

@description('Name of the user-assigned managed identity.')
param name string

@description('Azure region of the identity.')
param location string

@description('Tags applied to the identity.')
param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output principalId string = identity.properties.principalId
output clientId string = identity.properties.clientId
