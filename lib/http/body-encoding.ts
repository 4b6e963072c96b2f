/**
 * Request bodies are read as sent: UTF-8, no content coding. Compressed request bodies are refused
 * rather than decoded: the largest body taken is 64 KiB of JSON (compression saves little), a
 * decoder would have to guard against decompression bombs, and Azure's front end passes a coded body
 * through undecoded, so accepting one locally would work here and fail deployed.
 */
export const readableBodyEncodingHeaders = { 'accept-encoding': 'identity' };

/** Why the body's declared Content-Encoding or charset cannot be read; undefined when it can. */
export function unreadableBodyReason(headers: Headers): string | undefined {
  const codings = (headers.get('content-encoding') ?? '').split(',').map((c) => c.trim().toLowerCase()).filter((c) => c && c !== 'identity');
  if (codings.length) return `Content-Encoding ${codings.join(', ')} is not accepted: send the body uncompressed (UTF-8 JSON)`;
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(headers.get('content-type') ?? '')?.[1]?.toLowerCase();
  if (charset && charset !== 'utf-8' && charset !== 'utf8') return `charset ${charset} is not accepted: send the body as UTF-8`;
  return undefined;
}
