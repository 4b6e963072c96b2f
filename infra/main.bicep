// Smart Flight Booking (智能机票预订) — Azure deployment.
// Subscription scope: creates the resource group, like the azd templates do, then deploys
// Flex Consumption Function App + storage + Azure SQL serverless + Azure OpenAI + monitoring,
// all wired with managed identity (no keys, no passwords in app settings).
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; seeds the unique suffix of every resource name and the resource group name.')
param environmentName string

@minLength(1)
@description('Azure region of the resource group and all resources (Flex Consumption must be offered there, e.g. eastus2, swedencentral, eastasia).')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@minLength(1)
@description('Object id of the deploying principal (azd sets AZURE_PRINCIPAL_ID): becomes the Entra ID admin of Azure SQL and, optionally, gets the same data roles as the app.')
param principalId string

@description('Kind of the deploying principal: User for az/azd login, ServicePrincipal in CI.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string = 'User'

@description('Display name of the Entra ID admin of Azure SQL (e.g. your user principal name). Only a label; the object id decides.')
param principalLogin string = 'azd-deployer'

@description('Give the deploying principal Storage Blob/Queue/Table data roles and Cognitive Services OpenAI User, so azd and local runs with az login work against the deployed resources.')
param grantPrincipalDataRoles bool = true

@description('Override the resource group name (default rg-<environmentName>).')
param resourceGroupName string = ''

// gpt-4.1 (2025-04-14) GlobalStandard is not offered in every region (e.g. not in eastasia): the model gets
// its own region, by default one where Microsoft's "Global Standard model availability" table lists it.
@description('Region of the Azure OpenAI account: one where the model and deployment SKU are offered (gpt-4.1 GlobalStandard: e.g. eastus2, swedencentral, japaneast, australiaeast; see the Azure OpenAI model availability tables). azd env set AZURE_OPENAI_LOCATION to change it.')
@metadata({
  azd: {
    type: 'location'
    usageName: [
      'OpenAI.GlobalStandard.gpt-4.1,30'
    ]
  }
})
param openAiLocation string = 'eastus2'

@description('Azure OpenAI model name.')
param openAiModelName string = 'gpt-4.1'

@description('Azure OpenAI model version.')
param openAiModelVersion string = '2025-04-14'

@description('Azure OpenAI deployment capacity (thousands of tokens per minute).')
@minValue(1)
param openAiDeploymentCapacity int = 30

@description('Azure OpenAI deployment SKU (GlobalStandard, DataZoneStandard, Standard).')
param openAiDeploymentSkuName string = 'GlobalStandard'

@description('Azure OpenAI deployment name (AZURE_OPENAI_DEPLOYMENT). Empty: the model name.')
param openAiDeploymentName string = ''

@description('Azure OpenAI API version the app uses (AZURE_OPENAI_API_VERSION).')
param openAiApiVersion string = '2024-10-21'

@description('Timeout of one Azure OpenAI call in milliseconds (AZURE_OPENAI_TIMEOUT_MS).')
@minValue(1000)
param openAiTimeoutMs int = 30000

@description('Name of the Azure SQL database.')
param sqlDatabaseName string = 'flightbooking'

@description('Most vCores the serverless database may use; the least it keeps while online follows from it (sql.bicep: 0.5 up to 4, 0.75 for 6, 1 for 8).')
@allowed([
  1
  2
  4
  6
  8
])
param sqlMaxVCores int = 1

@description('Minutes of inactivity before the serverless database pauses (minimum 15). The app queries nothing on its own while idle (README, What it costs), so the database can pause.')
@minValue(15)
param sqlAutoPauseDelayMinutes int = 60

@description('Use the Azure SQL free offer for the database (one per subscription).')
param sqlUseFreeLimit bool = false

@description('Your public IPv4 address, to open the SQL firewall for the grant script and local tools. Empty: no client rule (the script can add one with az).')
param clientIpAddress string = ''

@description('Largest number of function app instances.')
@minValue(1)
@maxValue(1000)
param functionMaximumInstanceCount int = 40

@description('Memory per function app instance in MB.')
@allowed([
  512
  2048
  4096
])
param functionInstanceMemoryMB int = 2048

@description('Task hub name (DURABLE_TASK_HUB; host.json extensions.durableTask.hubName).')
param durableTaskHub string = 'FlightBooking'

@description('Durable Functions backend: the Azure Storage provider over the runtime storage account (identity-based), or a Durable Task Scheduler created here (DURABLE_TASK_SCHEDULER_CONNECTION_STRING, identity, Durable Task Data Contributor).')
@allowed([
  'AzureStorage'
  'DurableTaskScheduler'
])
param durableBackend string = 'AzureStorage'

@description('Seed the sample airports, airlines and flights into the empty database at start (SEED_SAMPLE_DATA).')
param seedSampleData bool = true

@description('Minutes a held booking keeps its seats (BOOKING_HOLD_MINUTES).')
@minValue(1)
param bookingHoldMinutes int = 20

@description('Comma-separated browser origins allowed to call the MCP endpoints (MCP_ALLOWED_ORIGINS), e.g. http://localhost:6274 for the MCP Inspector.')
param mcpAllowedOrigins string = ''

@description('Comma-separated further browser origins allowed to call the API cross-origin (CORS), e.g. a web app hosted elsewhere; the function app\'s own origin is always allowed.')
param corsAllowedOrigins string = ''

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
  app: 'smart-flight-booking'
}
var functionAppName = 'func-api-${resourceToken}'
var deploymentContainerName = 'app-package'
var effectiveOpenAiDeploymentName = empty(openAiDeploymentName) ? openAiModelName : openAiDeploymentName
var sqlAdminPrincipalType = principalType == 'ServicePrincipal' ? 'Application' : principalType

resource rg 'Microsoft.Resources/resourceGroups@2022-09-01' = {
  name: empty(resourceGroupName) ? 'rg-${environmentName}' : resourceGroupName
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
  }
}

module sql 'modules/sql.bicep' = {
  name: 'sql'
  scope: rg
  params: {
    serverName: 'sql-${resourceToken}'
    databaseName: sqlDatabaseName
    location: location
    tags: tags
    adminObjectId: principalId
    adminLogin: principalLogin
    adminPrincipalType: sqlAdminPrincipalType
    maxVCores: sqlMaxVCores
    autoPauseDelayMinutes: sqlAutoPauseDelayMinutes
    useFreeLimit: sqlUseFreeLimit
    clientIpAddress: clientIpAddress
  }
}

module openAi 'modules/openai.bicep' = {
  name: 'openai'
  scope: rg
  params: {
    name: 'oai-${resourceToken}'
    location: openAiLocation
    tags: tags
    deploymentName: effectiveOpenAiDeploymentName
    modelName: openAiModelName
    modelVersion: openAiModelVersion
    deploymentSkuName: openAiDeploymentSkuName
    deploymentCapacity: openAiDeploymentCapacity
  }
}

module appIdentity 'modules/identity.bicep' = {
  name: 'app-identity'
  scope: rg
  params: {
    name: 'id-${functionAppName}'
    location: location
    tags: tags
  }
}

module durableTaskScheduler 'modules/durable-task-scheduler.bicep' = if (durableBackend == 'DurableTaskScheduler') {
  name: 'durable-task-scheduler'
  scope: rg
  params: {
    name: 'dts-${resourceToken}'
    location: location
    tags: tags
    taskHubName: durableTaskHub
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  scope: rg
  // The identity's roles exist before the app starts with them.
  dependsOn: [
    appRoles
  ]
  params: {
    name: functionAppName
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    serviceName: 'api'
    storageAccountName: storage.outputs.name
    storageTableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: storage.outputs.deploymentContainerName
    identityId: appIdentity.outputs.id
    identityClientId: appIdentity.outputs.clientId
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    maximumInstanceCount: functionMaximumInstanceCount
    instanceMemoryMB: functionInstanceMemoryMB
    openAiEndpoint: openAi.outputs.endpoint
    openAiDeploymentName: openAi.outputs.deploymentName
    openAiApiVersion: openAiApiVersion
    openAiTimeoutMs: openAiTimeoutMs
    sqlServerFqdn: sql.outputs.serverFqdn
    sqlDatabaseName: sql.outputs.databaseName
    durableTaskHub: durableTaskHub
    durableTaskSchedulerEndpoint: durableBackend == 'DurableTaskScheduler' ? durableTaskScheduler.outputs.endpoint : ''
    seedSampleData: seedSampleData
    bookingHoldMinutes: bookingHoldMinutes
    mcpAllowedOrigins: mcpAllowedOrigins
    corsAllowedOrigins: corsAllowedOrigins
  }
}

module appRoles 'modules/role-assignments.bicep' = {
  name: 'app-role-assignments'
  scope: rg
  params: {
    principalId: appIdentity.outputs.principalId
    principalType: 'ServicePrincipal'
    storageAccountName: storage.outputs.name
    openAiAccountName: openAi.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    assignMetricsPublisher: true
    durableTaskSchedulerName: durableBackend == 'DurableTaskScheduler' ? durableTaskScheduler.outputs.name : ''
  }
}

module deployerRoles 'modules/role-assignments.bicep' = if (grantPrincipalDataRoles) {
  name: 'deployer-role-assignments'
  scope: rg
  params: {
    principalId: principalId
    principalType: principalType
    storageAccountName: storage.outputs.name
    openAiAccountName: openAi.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    assignMetricsPublisher: false
    durableTaskSchedulerName: durableBackend == 'DurableTaskScheduler' ? durableTaskScheduler.outputs.name : ''
  }
}

// azd writes these outputs to .azure/<env>/.env; the postprovision hook reads the SQL and identity ones.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_APP_IDENTITY_NAME string = appIdentity.outputs.name
output AZURE_APP_IDENTITY_CLIENT_ID string = appIdentity.outputs.clientId
output AZURE_APP_IDENTITY_PRINCIPAL_ID string = appIdentity.outputs.principalId
output SERVICE_API_NAME string = functionApp.outputs.name
output SERVICE_API_URI string = functionApp.outputs.url
output FUNCTION_APP_URL string = functionApp.outputs.url
output PUBLIC_BASE_URL string = '${functionApp.outputs.url}/api'
output AZURE_OPENAI_ENDPOINT string = openAi.outputs.endpoint
output AZURE_OPENAI_DEPLOYMENT string = openAi.outputs.deploymentName
output AZURE_OPENAI_API_VERSION string = openAiApiVersion
output AZURE_SQL_SERVER string = sql.outputs.serverFqdn
output AZURE_SQL_SERVER_NAME string = sql.outputs.serverName
output AZURE_SQL_DATABASE string = sql.outputs.databaseName
output AZURE_STORAGE_ACCOUNT string = storage.outputs.name
output AZURE_STORAGE_TABLE_ENDPOINT string = storage.outputs.tableEndpoint
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
