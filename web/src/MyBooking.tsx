import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, conversationApi } from './api';
import { cancellationQuote, hhmm, requests, writeOutcome } from './format';
import { money, useStrings } from './i18n';
import { ProposalPanel } from './Proposal';
import { SeatMap } from './SeatMap';
import { Facts, Form } from './ui';
import type { BookingView, TurnResult } from './types';

type Pending = { conversation: string; turn: TurnResult };

/**
 * Look up a booking by reference and surname (the anonymous REST look-up), then change a seat or cancel.
 * Those writes are staff-only over REST, so a traveller makes them through the assistant: the button
 * sends the request, the assistant proposes (with the refund quote for a cancellation), Confirm says yes.
 */
export function MyBooking({ initial }: { initial: { reference?: string; surname?: string } }) {
  const t = useStrings();
  const [reference, setReference] = useState(initial.reference ?? '');
  const [surname, setSurname] = useState(initial.surname ?? '');
  const [booking, setBooking] = useState<BookingView>();
  const [message, setMessage] = useState<{ text: string; alert: boolean }>();
  const [choosingSeat, setChoosingSeat] = useState(false);
  const [pending, setPending] = useState<Pending>();
  const [busy, setBusy] = useState(false);
  const result = useRef<HTMLHeadingElement>(null);
  const assistant = conversationApi(false);

  async function lookUp(focus = true) {
    setMessage(undefined);
    setPending(undefined);
    setChoosingSeat(false);
    try {
      setBooking(await api.bookingByReference(reference.trim().toUpperCase(), surname.trim()));
      if (focus) setTimeout(() => result.current?.focus());
    } catch (error) {
      setBooking(undefined);
      const notFound = error instanceof ApiError && (error.status === 404 || error.status === 422);
      setMessage({ text: notFound ? t.notFound : t.error((error as Error).message), alert: true });
    }
  }

  useEffect(() => {
    if (initial.reference && initial.surname) void lookUp();
  }, [initial.reference, initial.surname]);

  async function ask(text: string) {
    if (!booking) return;
    setBusy(true);
    setMessage(undefined);
    try {
      const { id } = await assistant.start();
      const turn = await assistant.send(id, text);
      if (turn.proposal && turn.awaiting === 'confirmation') setPending({ conversation: id, turn });
      else setMessage({ text: turn.reply, alert: true });
    } catch (error) {
      setMessage({ text: t.error((error as Error).message), alert: true });
    } finally {
      setBusy(false);
    }
  }

  async function answer(accept: boolean) {
    if (!pending || !booking) return;
    setBusy(true);
    try {
      const turn = await assistant.confirm(pending.conversation, accept);
      setPending(undefined);
      setChoosingSeat(false);
      const outcome = writeOutcome(turn.actions);
      if (outcome) {
        setBooking(await api.bookingByReference(booking.reference, surname.trim()));
        const seat = outcome.booking.segments[0]?.seats[0]?.seat;
        setMessage({ text: outcome.tool === 'cancel_booking' ? t.cancelledBooking : t.changedSeat(seat ?? ''), alert: false });
      } else {
        setMessage({ text: turn.reply, alert: accept });
      }
      setTimeout(() => result.current?.focus());
    } catch (error) {
      setMessage({ text: t.error((error as Error).message), alert: true });
    } finally {
      setBusy(false);
    }
  }

  const segment = booking?.segments[0];
  const quote = pending && cancellationQuote(pending.turn.actions);
  return (
    <>
      <Form class="panel lookup" onSubmit={() => void lookUp()}>
        <div class="field">
          <label for="lookup-reference">{t.lookupReference}</label>
          <input id="lookup-reference" value={reference} required autocomplete="off" onInput={(e) => setReference(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="lookup-surname">{t.lookupSurname}</label>
          <input id="lookup-surname" value={surname} required autocomplete="family-name" onInput={(e) => setSurname(e.currentTarget.value)} />
        </div>
        <button type="submit" class="primary">
          {t.lookup}
        </button>
      </Form>
      <div aria-live="polite">{message && <p role={message.alert ? 'alert' : 'status'}>{message.text}</p>}</div>
      {booking && (
        <section class="panel booking" aria-labelledby="booking-heading">
          <h2 id="booking-heading" tabIndex={-1} ref={result}>
            {t.reference} <span class="reference">{booking.reference}</span>
          </h2>
          <Facts
            items={[
              [t.status, <span class="booking-status">{t.statuses[booking.status] ?? booking.status}</span>],
              [t.passengers, booking.passengers.map((p) => p.name).join(', ')],
              [t.total, money(booking.total_price, t.lang)],
            ]}
          />
          <h3>{t.flights}</h3>
          <ul class="segments">
            {booking.segments.map((s) => (
              <li key={s.position}>
                {s.flight_number} · {s.date} {hhmm(s.departure_time)} {s.departure_airport} → {hhmm(s.arrival_time)} {s.arrival_airport} · {t.seat}{' '}
                <strong class="seat-number">{s.seats.map((seat) => seat.seat).join(', ')}</strong>
              </li>
            ))}
          </ul>
          {booking.status !== 'cancelled' && !pending && (
            <div class="actions">
              <button type="button" aria-expanded={choosingSeat} disabled={busy} onClick={() => setChoosingSeat(!choosingSeat)}>
                {choosingSeat ? t.closeSeatMap : t.changeSeat}
              </button>
              <button type="button" class="danger" disabled={busy} onClick={() => void ask(requests.cancel(booking.reference, surname.trim()))}>
                {t.cancelBooking}
              </button>
            </div>
          )}
          {choosingSeat && segment && !pending && (
            <SeatMap
              flightId={segment.flight_id}
              date={segment.date}
              own={segment.seats.map((s) => s.seat)}
              disabled={busy}
              onPick={(seat) => void ask(requests.changeSeat(booking.reference, seat, surname.trim()))}
            />
          )}
          {pending?.turn.proposal && (
            <ProposalPanel
              proposal={pending.turn.proposal}
              open
              busy={busy}
              onAnswer={(accept) => void answer(accept)}
              declineLabel={pending.turn.proposal.tool === 'cancel_booking' ? t.keepBooking : undefined}
              extra={
                quote && (
                  <Facts
                    class="quote"
                    label={t.quoteHeading}
                    items={[
                      [t.paid, money(quote.paid, t.lang)],
                      [t.fee, money(quote.fee, t.lang)],
                      [t.rule, t.lang === 'zh' ? quote.rule_zh : quote.rule],
                    ]}
                  />
                )
              }
            />
          )}
        </section>
      )}
    </>
  );
}
