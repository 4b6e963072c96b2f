// Azure SQL logical server (Entra ID only, no SQL logins) + a serverless General Purpose database
// that auto-pauses when idle. The function app reaches it with its managed identity; the identity
// becomes a database user through the postprovision hook, infra/scripts/grant-sql-access.mjs (Bicep cannot run T-SQL).

@description('Name of the logical SQL server (globally unique, lowercase).')
param serverName string

@description('Name of the database.')
param databaseName string

@description('Azure region of the server and database.')
param location string

@description('Tags applied to the server and database.')
param tags object = {}

@description('Object (principal) id of the Entra ID administrator of the server: the deploying user, group or service principal.')
param adminObjectId string

@description('Display name of the Entra ID administrator (a user principal name, group name or app name; shown in the portal).')
param adminLogin string

@description('Kind of principal the Entra ID administrator is.')
@allowed([
  'User'
  'Group'
  'Application'
])
param adminPrincipalType string = 'User'

@description('vCores the serverless database may scale up to (GP_S_Gen5 capacity).')
@allowed([
  1
  2
  4
  6
  8
])
param maxVCores int = 1

// The least vCores a serverless GP_S_Gen5 database keeps while online depends on its maximum (Azure SQL
// "single database vCore resource limits": 0.5-1, 0.5-2, 0.5-4, 0.75-6, 1.0-8). Strings: Bicep has no decimals.
var minVCoresByMax = {
  '1': '0.5'
  '2': '0.5'
  '4': '0.5'
  '6': '0.75'
  '8': '1'
}

@description('Minutes without activity after which the database pauses (15 is the minimum; -1 disables auto-pause).')
param autoPauseDelayMinutes int = 60

@description('Maximum database size in bytes (default 32 GB).')
param maxSizeBytes int = 34359738368

@description('Use the Azure SQL Database free offer (one per subscription; pauses when the monthly free allowance is used up). Deployment fails if the subscription already used its free database.')
param useFreeLimit bool = false

@description('Public IPv4 address to allow through the server firewall (for the grant script and local tools). Empty: no client rule.')
param clientIpAddress string = ''

resource sqlServer 'Microsoft.Sql/servers@2023-08-01-preview' = {
  name: serverName
  location: location
  tags: tags
  properties: {
    version: '12.0'
    minimalTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
    administrators: {
      administratorType: 'ActiveDirectory'
      azureADOnlyAuthentication: true
      login: adminLogin
      sid: adminObjectId
      tenantId: tenant().tenantId
      principalType: adminPrincipalType
    }
  }
}

// 0.0.0.0 - 0.0.0.0 is the documented rule for "Allow Azure services and resources to access this server".
// Flex Consumption outbound addresses are not fixed, so the app needs it (or VNet integration + private endpoint).
resource allowAzureServices 'Microsoft.Sql/servers/firewallRules@2023-08-01-preview' = {
  parent: sqlServer
  name: 'AllowAllWindowsAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource allowClient 'Microsoft.Sql/servers/firewallRules@2023-08-01-preview' = if (!empty(clientIpAddress)) {
  parent: sqlServer
  name: 'AllowDeployingClient'
  properties: {
    startIpAddress: clientIpAddress
    endIpAddress: clientIpAddress
  }
}

var databaseProperties = {
  collation: 'SQL_Latin1_General_CP1_CI_AS'
  maxSizeBytes: maxSizeBytes
  autoPauseDelay: autoPauseDelayMinutes
  minCapacity: json(minVCoresByMax[string(maxVCores)])
  zoneRedundant: false
  requestedBackupStorageRedundancy: 'Local'
}

// Only sent when asked for: the free offer is one database per subscription.
var freeOfferProperties = {
  useFreeLimit: true
  freeLimitExhaustionBehavior: 'AutoPause'
}

resource database 'Microsoft.Sql/servers/databases@2023-08-01-preview' = {
  parent: sqlServer
  name: databaseName
  location: location
  tags: tags
  sku: {
    name: 'GP_S_Gen5'
    tier: 'GeneralPurpose'
    family: 'Gen5'
    capacity: maxVCores
  }
  properties: union(databaseProperties, useFreeLimit ? freeOfferProperties : {})
}

output serverName string = sqlServer.name
output serverFqdn string = sqlServer.properties.fullyQualifiedDomainName
output databaseName string = database.name
