import { useEffect, useState } from 'preact/hooks';
import { api } from './api';
import { Field, Form } from './ui';
import { hhmm } from './format';
import { useStrings } from './i18n';
import type { FlightView } from './types';

const today = () => new Date().toISOString().slice(0, 10);
const percent = (factor: number) => `${(factor * 100).toFixed(1)}%`;

function loadFactor(flight: FlightView): number {
  const cabins = Object.values(flight.cabins).filter((c): c is NonNullable<typeof c> => Boolean(c));
  const capacity = cabins.reduce((sum, c) => sum + c.capacity, 0);
  const left = cabins.reduce((sum, c) => sum + c.seats_left, 0);
  return capacity ? (capacity - left) / capacity : 0;
}

/** Load factors of a route's flights on a date, as an SVG bar chart with the numbers in a table beside it. */
export function LoadChart() {
  const t = useStrings();
  const [route, setRoute] = useState({ from: 'PEK', to: 'SHA', date: today() });
  // The chart keeps the query its answer belongs to: editing the form does not relabel data fetched for another date.
  const [shown, setShown] = useState<{ query: typeof route; flights: FlightView[] }>();
  const [error, setError] = useState<string>();
  const show = () => {
    const query = route;
    return api.flights(query).then((flights) => (setShown({ query, flights }), setError(undefined)), (e: Error) => setError(t.error(e.message)));
  };
  useEffect(() => void show(), []);

  const field = (name: keyof typeof route, label: string, type: 'text' | 'date' = 'text') => (
    <Field id={`load-${name}`} label={label} type={type} required value={route[name]} onValue={(value) => setRoute({ ...route, [name]: value })} />
  );

  const bar = 36;
  const chartHeight = 160;
  const flights = shown?.flights;
  const rows = (flights ?? []).map((flight) => ({ flight, factor: loadFactor(flight) }));
  return (
    <>
      <Form class="panel filters" onSubmit={() => void show()}>
        {field('from', t.from)}
        {field('to', t.to)}
        {field('date', t.date, 'date')}
        <button type="submit" class="primary">
          {t.show}
        </button>
      </Form>
      {error && <p role="alert">{error}</p>}
      {flights && !flights.length && <p role="status">{t.noFlights}</p>}
      {rows.length > 0 && (
        <figure class="chart">
          <svg
            role="img"
            aria-labelledby="load-caption"
            viewBox={`0 0 ${rows.length * (bar + 12) + 40} ${chartHeight + 50}`}
            width="100%"
            preserveAspectRatio="xMinYMin meet"
          >
            {[0, 0.5, 1].map((mark) => (
              <g key={mark}>
                <line x1="32" x2="100%" y1={10 + chartHeight * (1 - mark)} y2={10 + chartHeight * (1 - mark)} class="grid-line" />
                <text x="0" y={14 + chartHeight * (1 - mark)} class="axis">
                  {mark * 100}%
                </text>
              </g>
            ))}
            {rows.map(({ flight, factor }, i) => {
              const height = Math.max(1, factor * chartHeight);
              const x = 40 + i * (bar + 12);
              return (
                <g key={flight.id} class="bar">
                  <rect x={x} y={10 + chartHeight - height} width={bar} height={height}>
                    <title>{`${flight.flight_number} ${percent(factor)}`}</title>
                  </rect>
                  <text x={x + bar / 2} y={chartHeight + 26} text-anchor="middle" class="axis">
                    {flight.flight_number}
                  </text>
                </g>
              );
            })}
          </svg>
          <figcaption id="load-caption">{t.loadChartLabel(`${shown!.query.from}→${shown!.query.to}`, shown!.query.date)}</figcaption>
        </figure>
      )}
      {rows.length > 0 && (
        <div class="table-scroll" tabIndex={0} role="region" aria-label={t.loadHeading}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t.colFlight}</th>
                <th scope="col">{t.from}</th>
                <th scope="col">{t.loadHeading}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ flight, factor }) => (
                <tr key={flight.id}>
                  <th scope="row">{flight.flight_number}</th>
                  <td>
                    {hhmm(flight.departure_time)} {flight.departure_airport}→{flight.arrival_airport}
                  </td>
                  <td class="load-factor">{percent(factor)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
