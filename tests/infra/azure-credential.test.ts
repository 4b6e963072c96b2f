/** The app's Azure credential: the managed identity where the platform offers one, the developer chain elsewhere. */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { azureCredential } from '../../lib/azure-credential';
import { endpointFrom } from '../../lib/tables/client';

// The CommonJS build, as the app's require() loads it (its classes differ from the ESM build's).
const { DefaultAzureCredential, ManagedIdentityCredential } = createRequire(import.meta.url)('@azure/identity') as typeof import('@azure/identity');

describe('azureCredential', () => {
  it('in Azure (IDENTITY_ENDPOINT set): ManagedIdentityCredential, for the user-assigned identity in AZURE_CLIENT_ID', () => {
    const credential = azureCredential({ IDENTITY_ENDPOINT: 'http://localhost:8081/msi/token', AZURE_CLIENT_ID: '00112233-4455-6677-8899-aabbccddeeff' });
    expect(credential).toBeInstanceOf(ManagedIdentityCredential);
    expect(azureCredential({ IDENTITY_ENDPOINT: 'http://localhost:8081/msi/token' })).toBeInstanceOf(ManagedIdentityCredential);
  });

  it('elsewhere: the developer chain (azd/az login), even with AZURE_CLIENT_ID set for a service principal', () => {
    expect(azureCredential({})).toBeInstanceOf(DefaultAzureCredential);
    expect(azureCredential({ AZURE_CLIENT_ID: '00112233-4455-6677-8899-aabbccddeeff' })).toBeInstanceOf(DefaultAzureCredential);
  });
});

describe('the tables\' endpoint', () => {
  it('comes from AzureWebJobsStorage__tableServiceUri (the Bicep output), never from a guessed suffix', () => {
    expect(endpointFrom({ storageTableEndpoint: 'https://st1.table.core.chinacloudapi.cn/' })).toEqual({ url: 'https://st1.table.core.chinacloudapi.cn/' });
    expect(() => endpointFrom({})).toThrow(/AzureWebJobsStorage__tableServiceUri/);
  });
});
