import { useEffect, useState } from 'preact/hooks';
import { api } from './api';
import { Field, Form } from './ui';
import { money, useStrings } from './i18n';
import type { BookingView, HistoryEntry } from './types';

/** Bookings search and list (staff REST API) and one booking's history. */
export function DeskBookings() {
  const t = useStrings();
  const [filters, setFilters] = useState({ passenger: '', status: '', from_date: '', to_date: '' });
  const [bookings, setBookings] = useState<BookingView[]>();
  const [history, setHistory] = useState<{ booking: BookingView; entries: HistoryEntry[] }>();
  const [error, setError] = useState<string>();

  const search = () =>
    api.bookings(filters).then(
      (found) => (setBookings(found), setError(undefined)),
      (e: Error) => setError(t.error(e.message)),
    );
  useEffect(() => void search(), []);

  const field = (name: keyof typeof filters, label: string, type: 'text' | 'date' = 'text') => (
    <Field id={`filter-${name}`} label={label} type={type} value={filters[name]} onValue={(value) => setFilters({ ...filters, [name]: value })} />
  );

  return (
    <>
      <Form class="panel filters" onSubmit={() => void search()}>
        {field('passenger', t.passengerFilter)}
        <div class="field">
          <label for="filter-status">{t.statusFilter}</label>
          <select id="filter-status" value={filters.status} onChange={(e) => setFilters({ ...filters, status: e.currentTarget.value })}>
            <option value="">{t.anyStatus}</option>
            {['held', 'confirmed', 'cancelled'].map((status) => (
              <option value={status} key={status}>
                {t.statuses[status]}
              </option>
            ))}
          </select>
        </div>
        {field('from_date', t.fromDate, 'date')}
        {field('to_date', t.toDate, 'date')}
        <button type="submit" class="primary">
          {t.search}
        </button>
      </Form>
      {error && <p role="alert">{error}</p>}
      {bookings && !bookings.length && <p role="status">{t.noBookings}</p>}
      {bookings?.length ? (
        <div class="table-scroll" tabIndex={0} role="region" aria-label={t.bookingsHeading}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t.colReference}</th>
                <th scope="col">{t.colPassenger}</th>
                <th scope="col">{t.colFlight}</th>
                <th scope="col">{t.colDate}</th>
                <th scope="col">{t.colStatus}</th>
                <th scope="col">{t.colTotal}</th>
                <th scope="col">{t.history}</th>
              </tr>
            </thead>
            <tbody>
              {bookings.map((booking) => (
                <tr key={booking.id}>
                  <th scope="row">{booking.reference}</th>
                  <td>{booking.passengers.map((p) => p.name).join(', ')}</td>
                  <td>{booking.segments.map((s) => s.flight_number).join(' + ')}</td>
                  <td>{booking.segments[0]?.date}</td>
                  <td>{t.statuses[booking.status] ?? booking.status}</td>
                  <td>{money(booking.total_price, t.lang)}</td>
                  <td>
                    <button
                      type="button"
                      aria-label={`${t.history} ${booking.reference}`}
                      onClick={() => api.history(booking.id).then((entries) => setHistory({ booking, entries }), (e: Error) => setError(t.error(e.message)))}
                    >
                      {t.history}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {history && (
        <section class="panel" aria-labelledby="history-heading" aria-live="polite">
          <h3 id="history-heading">{t.historyHeading(history.booking.reference)}</h3>
          <ol class="history">
            {history.entries.map((entry) => (
              <li key={entry.id}>
                <time dateTime={entry.at}>{new Date(entry.at).toLocaleString(t.lang === 'zh' ? 'zh-CN' : 'en')}</time> · <strong>{entry.action}</strong> · {entry.actor}
                <code>{summarize(entry.after)}</code>
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}

function summarize(state: unknown): string {
  if (!state || typeof state !== 'object') return '';
  const { status, segments } = state as { status?: string; segments?: { seats?: string[] }[] };
  return [status, segments?.flatMap((s) => s.seats ?? []).join(' ')].filter(Boolean).join(' · ');
}
