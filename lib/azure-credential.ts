import type { TokenCredential } from '@azure/identity';

/**
 * The credential the app signs in to Azure services with. Where the platform offers a managed identity
 * (Azure Functions sets IDENTITY_ENDPOINT), that identity and nothing else: ManagedIdentityCredential for
 * the user-assigned identity in AZURE_CLIENT_ID (the system-assigned one when empty), with no developer
 * chain to probe or fall through to. Elsewhere the developer chain (environment, azd/az login, …).
 * @azure/identity loads with the first call: offline runs never load it.
 */
export function azureCredential(env: NodeJS.ProcessEnv = process.env): TokenCredential {
  const identity = require('@azure/identity') as typeof import('@azure/identity');
  if (!env.IDENTITY_ENDPOINT?.trim()) return new identity.DefaultAzureCredential();
  const clientId = env.AZURE_CLIENT_ID?.trim();
  return clientId ? new identity.ManagedIdentityCredential({ clientId }) : new identity.ManagedIdentityCredential();
}
