import { useState } from 'preact/hooks';
import { api, ApiError, deskKey } from './api';
import { Chat } from './Chat';
import { DeskBookings } from './DeskBookings';
import { useStrings } from './i18n';
import { LoadChart } from './LoadChart';
import { Form } from './ui';

/** The agent desk: asks for the function key once per browser session, then shows the staff tools. */
export function Desk() {
  const t = useStrings();
  const [signedIn, setSignedIn] = useState(Boolean(deskKey.get()));
  if (!signedIn) return <KeyGate onAccepted={() => setSignedIn(true)} />;
  return (
    <>
      <p>
        <button
          type="button"
          onClick={() => {
            deskKey.clear();
            setSignedIn(false);
          }}
        >
          {t.signOut}
        </button>
      </p>
      <section aria-labelledby="desk-bookings">
        <h2 id="desk-bookings">{t.bookingsHeading}</h2>
        <DeskBookings />
      </section>
      <section aria-labelledby="desk-load">
        <h2 id="desk-load">{t.loadHeading}</h2>
        <LoadChart />
      </section>
      <section aria-labelledby="desk-chat">
        <h2 id="desk-chat">{t.deskAssistantHeading}</h2>
        <Chat desk headingId="desk-chat" />
      </section>
    </>
  );
}

function KeyGate({ onAccepted }: { onAccepted: () => void }) {
  const t = useStrings();
  const [key, setKey] = useState('');
  const [error, setError] = useState<string>();
  return (
    <Form
      class="panel"
      aria-labelledby="key-heading"
      onSubmit={async () => {
        setError(undefined);
        try {
          // Any keyed read proves the key; the desk's first screen needs this list anyway.
          await api.bookings({}, key.trim());
          deskKey.set(key.trim());
          onAccepted();
        } catch (e) {
          setError(e instanceof ApiError && e.status === 401 ? t.keyRefused : t.error((e as Error).message));
        }
      }}
    >
      <h2 id="key-heading">{t.keyHeading}</h2>
      <div class="field">
        <label for="desk-key">{t.keyLabel}</label>
        <input id="desk-key" type="password" required autocomplete="off" aria-describedby="desk-key-hint" value={key} onInput={(e) => setKey(e.currentTarget.value)} />
        <p id="desk-key-hint" class="hint">
          {t.keyHint}
        </p>
      </div>
      <button type="submit" class="primary">
        {t.keySubmit}
      </button>
      {error && <p role="alert">{error}</p>}
    </Form>
  );
}
