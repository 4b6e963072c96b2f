import { useRef, useState } from 'preact/hooks';
import { ApiError, conversationApi } from './api';
import { FlightCards } from './FlightCards';
import { replyWithoutOptionList, surnameOf, writeOutcome, type WriteOutcome } from './format';
import { useStrings } from './i18n';
import { ProposalPanel } from './Proposal';
import type { TurnResult } from './types';

type EntryBody = { from: 'user' | 'error'; text: string } | { from: 'assistant'; turn: TurnResult };
type Entry = EntryBody & { id: number };

/** A conversation with the assistant: the traveller's, or with `desk` the agent desk's. */
export function Chat({ desk = false, headingId }: { desk?: boolean; headingId: string }) {
  const t = useStrings();
  const conversation = useRef<string | undefined>(undefined);
  const input = useRef<HTMLInputElement>(null);
  const [entries, setEntries] = useState<Entry[]>([]);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const client = conversationApi(desk);
  const latest = [...entries].reverse().find((entry) => entry.from === 'assistant');
  const openProposal = latest?.from === 'assistant' && latest.turn.awaiting === 'confirmation' ? latest.turn.proposal?.id : undefined;

  async function exchange(userText: string | undefined, call: (id: string) => Promise<TurnResult>) {
    setBusy(true);
    const add = (entry: EntryBody) => setEntries((list) => [...list, { ...entry, id: list.length }]);
    if (userText) add({ from: 'user', text: userText });
    try {
      conversation.current ??= (await client.start()).id;
      const turn = await call(conversation.current);
      add({ from: 'assistant', turn });
      if (turn.awaiting !== 'confirmation') setTimeout(() => input.current?.focus());
    } catch (error) {
      add({ from: 'error', text: failureText(error) });
    } finally {
      setBusy(false);
    }
  }

  /** A limit of the traveller API (429) in the traveller's words; a used-up conversation is left for a new one. */
  function failureText(error: unknown): string {
    if (!(error instanceof ApiError) || error.status !== 429) return t.error((error as Error).message);
    if (error.limit === 'tokens-per-conversation') {
      conversation.current = undefined;
      return t.conversationFull;
    }
    return t.tooManyMessages(error.retryAfterSeconds ?? 60);
  }

  const say = (message: string) => exchange(message, (id) => client.send(id, message));
  const answer = (accept: boolean) => exchange(accept ? t.confirm : t.cancel, (id) => client.confirm(id, accept));

  return (
    <div class="chat">
      <p class="hint">{desk ? t.deskChatIntro : t.chatIntro}</p>
      <div role="log" aria-live="polite" aria-labelledby={headingId}>
      <ol class="log">
        {entries.map((entry) => (
          <li key={entry.id} class={`entry from-${entry.from}`}>
            {entry.from === 'assistant' ? (
              <AssistantTurn turn={entry.turn} busy={busy} open={entry.turn.proposal?.id === openProposal} onPick={say} onAnswer={answer} desk={desk} />
            ) : (
              <p role={entry.from === 'error' ? 'alert' : undefined}>
                <span class="visually-hidden">{entry.from === 'user' ? `${t.you}: ` : ''}</span>
                {entry.text}
              </p>
            )}
          </li>
        ))}
      </ol>
      </div>
      <p role="status" class="status">
        {busy ? t.sending : ''}
      </p>
      <form
        class="composer"
        onSubmit={(event) => {
          event.preventDefault();
          const message = text.trim();
          if (!message || busy) return;
          setText('');
          void say(message);
        }}
      >
        <label for={`${headingId}-message`}>{t.messageLabel}</label>
        <div class="row">
          <input id={`${headingId}-message`} ref={input} value={text} autocomplete="off" onInput={(e) => setText(e.currentTarget.value)} />
          <button type="submit" class="primary" disabled={busy}>
            {t.send}
          </button>
        </div>
      </form>
    </div>
  );
}

function AssistantTurn(props: { turn: TurnResult; busy: boolean; open: boolean; desk: boolean; onPick: (text: string) => void; onAnswer: (accept: boolean) => void }) {
  const t = useStrings();
  const { turn } = props;
  const outcome = writeOutcome(turn.actions);
  return (
    <>
      <p class="reply">
        <span class="visually-hidden">{t.assistant}: </span>
        {turn.options?.length ? replyWithoutOptionList(turn.reply) : turn.reply}
      </p>
      {turn.options?.length ? <FlightCards options={turn.options} disabled={props.busy} onPick={(option) => props.onPick(t.pickMessage(option.index))} /> : null}
      {turn.proposal && <ProposalPanel proposal={turn.proposal} open={props.open} busy={props.busy} onAnswer={props.onAnswer} />}
      {outcome && <Outcome outcome={outcome} desk={props.desk} />}
    </>
  );
}

function Outcome({ outcome, desk }: { outcome: WriteOutcome; desk: boolean }) {
  const t = useStrings();
  const { booking } = outcome;
  const surname = surnameOf(booking.passengers[0]?.name ?? '');
  return (
    <section class="panel outcome" aria-label={t.bookedHeading}>
      <p>
        {t.reference}: <strong class="reference">{booking.reference}</strong> · {t.statuses[booking.status] ?? booking.status}
      </p>
      {!desk && booking.status !== 'cancelled' && (
        <a href={`#/booking?reference=${encodeURIComponent(booking.reference)}&surname=${encodeURIComponent(surname)}`}>{t.manageBooking}</a>
      )}
    </section>
  );
}
