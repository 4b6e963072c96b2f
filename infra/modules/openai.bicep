// Azure OpenAI account (keys disabled: Entra ID only) with one chat model deployment.

@description('Name of the Azure OpenAI account; also used as its custom subdomain (<name>.openai.azure.com).')
param name string

@description('Azure region of the account. The model/SKU pair must be offered there.')
param location string

@description('Tags applied to the account.')
param tags object = {}

@description('Name of the model deployment the app calls (AZURE_OPENAI_DEPLOYMENT).')
param deploymentName string

@description('Model name, e.g. gpt-4.1.')
param modelName string

@description('Model version, e.g. 2025-04-14.')
param modelVersion string

@description('Deployment SKU: GlobalStandard, DataZoneStandard, Standard, ...')
param deploymentSkuName string

@description('Deployment capacity in thousands of tokens per minute.')
@minValue(1)
param deploymentCapacity int

resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: name
  location: location
  tags: tags
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: name
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
    }
  }
}

resource deployment 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = {
  parent: account
  name: deploymentName
  sku: {
    name: deploymentSkuName
    capacity: deploymentCapacity
  }
  properties: {
    model: {
      format: 'OpenAI'
      name: modelName
      version: modelVersion
    }
    versionUpgradeOption: 'OnceNewDefaultVersionAvailable'
  }
}

output name string = account.name
output id string = account.id
output endpoint string = account.properties.endpoint
output deploymentName string = deployment.name
