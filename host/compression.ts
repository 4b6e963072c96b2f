import { promisify } from 'node:util';
import zlib from 'node:zlib';

/** Bodies smaller than this are sent as they are: compressing them saves less than it costs. */
export const compressMinBytes = 1024;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
// Quality 4: most of brotli's gain over gzip at gzip's speed (11, the default, is for static files).
const encoders = {
  br: (body: Buffer) => brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
  gzip: (body: Buffer) => gzip(body, { level: 6 }),
};
type Encoding = keyof typeof encoders;

/** Text-like types compress well; images, archives and event streams (which must not be held back) do not qualify. */
const compressible = /^(text\/(?!event-stream)|application\/([\w.+-]*\+)?(json|xml|javascript)|image\/svg\+xml)/i;

/** The encoding the client prefers among those the host produces (Accept-Encoding q-values; br wins a tie). */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | undefined {
  if (!acceptEncoding) return undefined;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    if (name) weights.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const weightOf = (encoding: Encoding) => weights.get(encoding) ?? (encoding === 'gzip' ? weights.get('x-gzip') : undefined) ?? weights.get('*') ?? 0;
  const best = (['br', 'gzip'] as const).reduce<Encoding | undefined>((chosen, encoding) => (weightOf(encoding) > (chosen ? weightOf(chosen) : 0) ? encoding : chosen), undefined);
  return best;
}

export function addVary(headers: Record<string, string>, name: string): void {
  const present = (headers.vary ?? '').split(',').map((v) => v.trim()).filter(Boolean);
  if (!present.some((v) => v === '*' || v.toLowerCase() === name.toLowerCase())) headers.vary = [...present, name].join(', ');
}

/**
 * Compresses a response body the client accepts compressed: text-like, at least compressMinBytes,
 * not already encoded. Sets Content-Encoding and Vary; `headers` is a lower-case header record,
 * changed in place. The ETag stays as it is: the API's tags are booking versions that If-Match
 * compares strongly, and no Range request is served that could mix the two encodings' bytes.
 */
export async function compressForClient(acceptEncoding: string | undefined, headers: Record<string, string>, body: Buffer): Promise<Buffer> {
  if (body.length < compressMinBytes || headers['content-encoding'] || !compressible.test(headers['content-type'] ?? '')) return body;
  addVary(headers, 'Accept-Encoding');
  const encoding = chooseEncoding(acceptEncoding);
  if (!encoding) return body;
  const encoded = await encoders[encoding](body);
  headers['content-encoding'] = encoding;
  return encoded;
}
