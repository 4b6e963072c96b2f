import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import { tempDir } from '../support/host-process';

export interface Envelope {
  name: string;
  tags?: Record<string, string>;
  data?: { baseType?: string; baseData?: Record<string, unknown> };
}

/** A throwaway self-signed certificate for 127.0.0.1 (the exporter always speaks HTTPS to its endpoint). */
function selfSignedCertificate(): { cert: string; key: string; certFile: string } {
  const dir = tempDir('flightbook-ingestion-');
  const certFile = path.join(dir, 'cert.pem');
  const keyFile = path.join(dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', keyFile, '-out', certFile], { stdio: 'ignore' });
  return { cert: fs.readFileSync(certFile, 'utf8'), key: fs.readFileSync(keyFile, 'utf8'), certFile };
}

/**
 * A loopback stand-in for the Application Insights ingestion endpoint: it accepts the exporter's
 * POSTs to /v2.1/track (gzip JSON arrays of envelopes), keeps every decompressed body, and
 * acknowledges each envelope as the real endpoint does. HTTPS, as the exporter insists.
 */
export async function startIngestion() {
  const bodies: string[] = [];
  const { cert, key, certFile } = selfSignedCertificate();
  const server = https.createServer({ cert, key }, (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks);
      const text = (request.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(raw) : raw).toString('utf8');
      bodies.push(text);
      let count = 0;
      try {
        const parsed = JSON.parse(text) as unknown;
        count = Array.isArray(parsed) ? parsed.length : 1;
      } catch {
        count = text.split('\n').filter(Boolean).length;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ itemsReceived: count, itemsAccepted: count, errors: [] }));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    connectionString: `InstrumentationKey=00000000-0000-4000-8000-000000000001;IngestionEndpoint=https://127.0.0.1:${port}/`,
    /** For the app's NODE_EXTRA_CA_CERTS, so it trusts this endpoint. */
    certFile,
    bodies,
    /** Every envelope received so far. */
    envelopes(): Envelope[] {
      return bodies.flatMap((text) => {
        try {
          const parsed = JSON.parse(text) as Envelope | Envelope[];
          return Array.isArray(parsed) ? parsed : [parsed];
        } catch {
          return text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Envelope);
        }
      });
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
