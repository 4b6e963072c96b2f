/** The public HTTP API, as any client sees it: same routes, same auth. */
import type { BookingView, FlightView, HistoryEntry, SeatMap, TurnResult } from './types';

const apiBase = '/api';
const deskKeyName = 'flightbook.deskKey';

/** The agent desk's function key: kept for this browser session only, never in the page. */
export const deskKey = {
  get: (): string | null => sessionStorage.getItem(deskKeyName),
  set: (key: string) => sessionStorage.setItem(deskKeyName, key),
  clear: () => sessionStorage.removeItem(deskKeyName),
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** On a 429: the limit hit (the problem's `limit`) and the seconds of its Retry-After. */
    readonly limit?: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

async function call<T>(path: string, init: { method?: string; json?: unknown; staff?: boolean; key?: string } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  const key = init.key ?? (init.staff ? deskKey.get() : null);
  if (key) headers['x-functions-key'] = key;
  const response = await fetch(`${apiBase}${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
  const body = response.status === 204 ? undefined : await response.json().catch(() => undefined);
  if (!response.ok) {
    const problem = body as { detail?: string; title?: string; limit?: string } | undefined;
    const retryAfter = Number(response.headers.get('retry-after'));
    throw new ApiError(response.status, problem?.detail ?? problem?.title ?? response.statusText, problem?.limit, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined);
  }
  return body as T;
}

const query = (params: Record<string, string | undefined>) => {
  const search = new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1])));
  return search.size ? `?${search}` : '';
};

/** One conversation with the assistant: the traveller's (anonymous) or the desk's (keyed). */
export function conversationApi(desk: boolean) {
  const base = desk ? '/assistant/desk/conversations' : '/assistant/conversations';
  return {
    start: () => call<{ id: string }>(base, { method: 'POST', staff: desk }),
    send: (id: string, text: string) => call<TurnResult>(`${base}/${id}/messages`, { method: 'POST', json: { text }, staff: desk }),
    confirm: (id: string, accept: boolean) => call<TurnResult>(`${base}/${id}/confirm`, { method: 'POST', json: { accept }, staff: desk }),
  };
}

export const api = {
  seatMap: (flightId: number, date: string) => call<SeatMap>(`/flights/${flightId}/seats${query({ date })}`),
  flights: (params: { from?: string; to?: string; date?: string }) => call<FlightView[]>(`/flights${query({ ...params, limit: '200' })}`),
  bookingByReference: (reference: string, lastName: string) =>
    call<BookingView>(`/bookings/reference/${encodeURIComponent(reference)}${query({ last_name: lastName })}`),
  bookings: (params: { passenger?: string; status?: string; from_date?: string; to_date?: string }, key?: string) =>
    call<BookingView[]>(`/bookings${query({ ...params, limit: '50' })}`, { staff: true, key }),
  history: (id: number) => call<HistoryEntry[]>(`/bookings/${id}/history`, { staff: true }),
};
