// Function App on the Flex Consumption plan (FC1, Linux, Node 22) with a user-assigned identity made
// (and given its roles) before the app. The app package lives in a blob container of the runtime
// storage account and is read with that identity; the runtime, the app's tables, Azure SQL, Azure
// OpenAI and telemetry use it too (no keys, no connection strings with secrets).
//
// App settings are written by the 'appsettings' config child so that PUBLIC_BASE_URL can use the
// site's own defaultHostName. Every setting of lib/config.ts that is neither localOnly, platform
// nor secret is set here (tests/infra/bicep.test.ts checks it). Secrets are never app settings.

@description('Name of the function app (globally unique; <name>.azurewebsites.net).')
param name string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Azure region of the plan and the app.')
param location string

@description('Tags applied to the plan and the app (the app also gets azd-service-name).')
param tags object = {}

@description('Service name in azure.yaml; azd finds the app by the azd-service-name tag.')
param serviceName string = 'api'

@description('Name of the runtime storage account (AzureWebJobsStorage, deployment container, orchestration tables).')
param storageAccountName string

@description('Table service endpoint of the runtime storage account (its primaryEndpoints.table: no cloud suffix assumed).')
param storageTableEndpoint string

@description('Resource id of the app\'s user-assigned managed identity.')
param identityId string

@description('Client id of the app\'s user-assigned managed identity.')
param identityClientId string

@description('Name of the blob container holding the deployment package.')
param deploymentContainerName string

@description('Name of the Application Insights component.')
param applicationInsightsName string

@description('Node.js version of the Flex runtime (Node 20 support in Azure Functions ended on 2026-04-30; the code also runs on 20 locally).')
@allowed([
  '20'
  '22'
])
param nodeVersion string = '22'

@description('Largest number of instances Flex Consumption may scale out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory per instance in MB (512, 2048 or 4096).')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Azure OpenAI endpoint (https://<account>.openai.azure.com/). Empty: the offline planner answers.')
param openAiEndpoint string

@description('Azure OpenAI chat deployment name (AZURE_OPENAI_DEPLOYMENT).')
param openAiDeploymentName string

@description('Azure OpenAI API version (AZURE_OPENAI_API_VERSION).')
param openAiApiVersion string

@description('Timeout of one Azure OpenAI call in milliseconds (AZURE_OPENAI_TIMEOUT_MS).')
param openAiTimeoutMs int = 30000

@description('Fully qualified domain name of the Azure SQL logical server.')
param sqlServerFqdn string

@description('Name of the Azure SQL database.')
param sqlDatabaseName string

@description('Task hub name (DURABLE_TASK_HUB; host.json extensions.durableTask.hubName).')
param durableTaskHub string = 'FlightBooking'

@description('Endpoint of the Durable Task Scheduler to use instead of the Azure Storage provider; empty keeps Azure Storage.')
param durableTaskSchedulerEndpoint string = ''

@description('Load the sample airports, airlines and flights into an empty database at start (SEED_SAMPLE_DATA).')
param seedSampleData bool = true

@description('Minutes a held booking keeps its seats (BOOKING_HOLD_MINUTES).')
@minValue(1)
param bookingHoldMinutes int = 20

@description('Comma-separated browser origins allowed to call the MCP endpoints (MCP_ALLOWED_ORIGINS).')
param mcpAllowedOrigins string = ''

@description('Comma-separated further browser origins allowed to call the API cross-origin (platform CORS, as Host.CORS locally); the app\'s own origin, which serves the web app, is always allowed.')
param corsAllowedOrigins string = ''

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
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
    siteConfig: {
      minTlsVersion: '1.2'
      // The platform answers preflights and adds the CORS headers, as the local host does from Host.CORS.
      cors: {
        allowedOrigins: union([ 'https://${name}.azurewebsites.net' ], filter(map(split(corsAllowedOrigins, ','), origin => trim(origin)), origin => !empty(origin)))
        supportCredentials: false
      }
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'node'
        version: nodeVersion
      }
    }
  }
}

// No password anywhere: the driver signs in as the user-assigned identity (User Id is its client id).
var sqlConnectionString = 'Server=tcp:${sqlServerFqdn},1433;Database=${sqlDatabaseName};Authentication=Active Directory Managed Identity;User Id=${identityClientId};Encrypt=True;TrustServerCertificate=False;Connection Timeout=30;'

var useScheduler = !empty(durableTaskSchedulerEndpoint)

// The Durable Task Scheduler backend: the host.json storage provider (Azure Storage) is switched by
// app settings, and the app reaches the scheduler with its user-assigned identity (no secret).
var schedulerSettings = {
  AzureFunctionsJobHost__extensions__durableTask__storageProvider__type: 'azureManaged'
  AzureFunctionsJobHost__extensions__durableTask__storageProvider__connectionStringName: 'DURABLE_TASK_SCHEDULER_CONNECTION_STRING'
}

var baseSettings = {
  // Functions runtime storage by managed identity (no AzureWebJobsStorage connection string); the
  // Durable extension's Azure Storage provider uses the same connection (host.json connectionName).
  AzureWebJobsStorage__accountName: storage.name
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  AzureWebJobsStorage__tableServiceUri: storageTableEndpoint
  // The app's own credential (lib/azure-credential.ts): ManagedIdentityCredential for this identity.
  AZURE_CLIENT_ID: identityClientId
  // Telemetry; the connection string is not a secret, ingestion is authenticated with the identity.
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  // Settings of lib/config.ts.
  DATABASE_URL: ''
  AZURE_SQL_CONNECTION_STRING: sqlConnectionString
  SEED_SAMPLE_DATA: seedSampleData ? 'true' : 'false'
  PUBLIC_BASE_URL: 'https://${functionApp.properties.defaultHostName}/api'
  DURABLE_TASK_HUB: durableTaskHub
  DURABLE_TASK_SCHEDULER_CONNECTION_STRING: useScheduler ? 'Endpoint=${durableTaskSchedulerEndpoint};Authentication=ManagedIdentity;ClientID=${identityClientId}' : ''
  AZURE_OPENAI_ENDPOINT: openAiEndpoint
  AZURE_OPENAI_DEPLOYMENT: openAiDeploymentName
  AZURE_OPENAI_API_VERSION: openAiApiVersion
  AZURE_OPENAI_TIMEOUT_MS: string(openAiTimeoutMs)
  // The deployment uses its own Azure OpenAI; an OpenAI-compatible endpoint is set here only instead of it.
  OPENAI_BASE_URL: ''
  OPENAI_MODEL: ''
  BOOKING_HOLD_MINUTES: string(bookingHoldMinutes)
  // Open holds per client address on the anonymous REST API (README "Holds").
  BOOKING_HOLDS_PER_CLIENT: '10'
  MCP_ALLOWED_ORIGINS: mcpAllowedOrigins
  // Limits of the anonymous assistant API (README "Limits of the traveller's assistant API").
  ASSISTANT_TURNS_PER_MINUTE_PER_CONVERSATION: '30'
  ASSISTANT_TURNS_PER_MINUTE_PER_CLIENT: '120'
  ASSISTANT_CONVERSATIONS_PER_MINUTE_PER_CLIENT: '30'
  ASSISTANT_TOKENS_PER_CONVERSATION: '200000'
  HOLD_RELEASE_SCHEDULE: '0 * * * * *'
  CONVERSATION_RETENTION_SECONDS: '86400'
  CONVERSATION_PURGE_SCHEDULE: '0 */5 * * * *'
}

var appSettings = union(baseSettings, useScheduler ? schedulerSettings : {})

resource functionAppSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: appSettings
}

output name string = functionApp.name
output id string = functionApp.id
output defaultHostName string = functionApp.properties.defaultHostName
output url string = 'https://${functionApp.properties.defaultHostName}'
