import type http from 'node:http';
import type { Duplex } from 'node:stream';

const answers: Record<string, { status: number; title: string; detail: string }> = {
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, title: 'Request Timeout', detail: 'The request did not arrive completely in time; send the whole body (its Content-Length) without pausing.' },
  HPE_HEADER_OVERFLOW: { status: 431, title: 'Request Header Fields Too Large', detail: 'The request headers are too large.' },
  HPE_INVALID_URL: {
    status: 400,
    title: 'Bad Request',
    detail: 'The request target is not a valid URL. Percent-encode non-ASCII characters (curl -G --data-urlencode "last_name=张").',
  },
};
const malformed = { status: 400, title: 'Bad Request', detail: 'The request is not valid HTTP/1.1.' };

/**
 * Answers what Node's HTTP parser refuses before any handler runs (a raw UTF-8 query, a malformed
 * request line, headers that are too large, a request that never finishes arriving) with a problem
 * document, then closes the connection — as Node does by default, but saying what was wrong.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  const inFlight = (socket as Duplex & { _httpMessage?: http.ServerResponse })._httpMessage;
  if (socket.writable && !inFlight?.headersSent) {
    const answer = answers[error.code ?? ''] ?? malformed;
    const body = JSON.stringify({ type: 'about:blank', ...answer });
    socket.write(
      `HTTP/1.1 ${answer.status} ${answer.title}\r\ncontent-type: application/problem+json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
