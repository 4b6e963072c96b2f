// Durable Task Scheduler: the managed backend Durable Functions can use instead of the Azure
// Storage provider. The app reaches it with its managed identity (Durable Task Data Contributor,
// assigned in role-assignments.bicep); the task hub carries the app's hub name.

@description('Name of the scheduler (letters, digits and hyphens).')
param name string

@description('Location of the scheduler.')
param location string

@description('Tags for the scheduler.')
param tags object = {}

@description('Task hub name (DURABLE_TASK_HUB, host.json hubName).')
param taskHubName string

@description('Consumption for variable load, Dedicated for steady high throughput.')
@allowed([
  'Consumption'
  'Dedicated'
])
param skuName string = 'Consumption'

resource scheduler 'Microsoft.DurableTask/schedulers@2025-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    sku: {
      name: skuName
    }
    // An empty allow list denies every caller; access is controlled by RBAC.
    ipAllowlist: [
      '0.0.0.0/0'
    ]
  }
}

resource taskHub 'Microsoft.DurableTask/schedulers/taskHubs@2025-11-01' = {
  parent: scheduler
  name: taskHubName
}

output name string = scheduler.name
output endpoint string = scheduler.properties.endpoint
output taskHubName string = taskHub.name
