import { arrivalDayOffset, hhmm, passengersOf } from './format';
import { money, useStrings } from './i18n';
import type { FlightOption } from './types';

/** Flight options as cards; choosing one says “option N” to the assistant, as typing it would. */
export function FlightCards({ options, disabled, onPick }: { options: FlightOption[]; disabled: boolean; onPick: (option: FlightOption) => void }) {
  const t = useStrings();
  return (
    <ul class="cards" aria-label={t.optionsHeading}>
      {options.map((option) => {
        const days = arrivalDayOffset(option);
        return (
          <li key={option.index}>
            <button type="button" class="card" disabled={disabled} onClick={() => onPick(option)}>
              <span class="card-index">{option.index}</span>
              <span class="card-flight">{option.segments.map((s) => s.flight_number).join(' + ')}</span>
              <span class="card-times">
                {hhmm(option.departure_time)} {option.departure_airport} → {hhmm(option.arrival_time)}
                {days > 0 && (
                  <sup class="next-day" title={t.nextDay(days)}>
                    +{days}
                    <span class="visually-hidden"> ({t.nextDay(days)})</span>
                  </sup>
                )}{' '}
                {option.arrival_airport}
              </span>
              <span class="card-meta">
                {t.minutes(option.duration_minutes)} · {option.stops === 0 ? t.direct : t.stops(option.stops)} · {option.date}
              </span>
              <span class="card-fare">{t.fareFor(money(option.total_fare, t.lang), passengersOf(option))}</span>
              <span class="card-seats">{t.seatsLeft(option.seats_left)}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
