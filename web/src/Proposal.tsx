import { useEffect, useRef, useState } from 'preact/hooks';
import { countdown } from './format';
import { money, useStrings } from './i18n';
import type { Proposal as ProposalData } from './types';
import { Facts } from './ui';

interface Props {
  proposal: ProposalData;
  /** Only the latest open proposal can be answered. */
  open: boolean;
  busy: boolean;
  onAnswer: (accept: boolean) => void;
  extra?: preact.ComponentChildren;
  /** The no button's words where “Cancel” would be ambiguous (declining a cancellation). */
  declineLabel?: string;
}

/** A write waiting for a yes: its summary, what it costs or returns, Confirm/Cancel and the time left. */
export function ProposalPanel({ proposal, open, busy, onAnswer, extra, declineLabel }: Props) {
  const t = useStrings();
  const expiresAt = Date.parse(proposal.expiresAt);
  const [now, setNow] = useState(Date.now());
  const confirmButton = useRef<HTMLButtonElement>(null);
  const expired = now >= expiresAt;

  useEffect(() => {
    if (!open) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [open]);
  useEffect(() => {
    if (open) confirmButton.current?.focus();
  }, [proposal.id]);

  const headingId = `proposal-${proposal.id}`;
  return (
    <section class="panel proposal" aria-labelledby={headingId}>
      <h3 id={headingId}>{t.proposalHeading}</h3>
      <p>{proposal.summary}</p>
      {extra}
      <Facts
        items={[
          [t.total, proposal.price === undefined ? undefined : money(proposal.price, t.lang)],
          [t.refund, proposal.refund === undefined ? undefined : money(proposal.refund, t.lang)],
          [t.seat, proposal.seats?.length ? proposal.seats.join(', ') : undefined],
        ]}
      />
      {open &&
        (expired ? (
          <p role="status">{t.expired}</p>
        ) : (
          <>
            <p class="countdown">{t.expiresIn(countdown(expiresAt - now))}</p>
            <div class="actions">
              <button type="button" class="primary" ref={confirmButton} disabled={busy} onClick={() => onAnswer(true)}>
                {t.confirm}
              </button>
              <button type="button" disabled={busy} onClick={() => onAnswer(false)}>
                {declineLabel ?? t.cancel}
              </button>
            </div>
          </>
        ))}
    </section>
  );
}
