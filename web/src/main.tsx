import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { Chat } from './Chat';
import { Desk } from './Desk';
import { initialLanguage, LangContext, rememberLanguage, strings, type Lang } from './i18n';
import { MyBooking } from './MyBooking';
import './styles.css';

type View = 'book' | 'booking' | 'desk';

/** Views live in the hash (#/booking?reference=…), so the page is one file wherever it is mounted. */
function parseHash(): { view: View; params: URLSearchParams } {
  const [path = '', search = ''] = location.hash.replace(/^#\/?/, '').split('?');
  const view: View = path === 'booking' || path === 'desk' ? path : 'book';
  return { view, params: new URLSearchParams(search) };
}

function App() {
  const [lang, setLang] = useState<Lang>(initialLanguage);
  const [route, setRoute] = useState(parseHash);
  const heading = useRef<HTMLHeadingElement>(null);
  const t = strings[lang];

  useEffect(() => rememberLanguage(lang), [lang]);
  useEffect(() => {
    const onHash = () => {
      setRoute(parseHash());
      setTimeout(() => heading.current?.focus());
    };
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    document.title = `${{ book: t.navBook, booking: t.navMyBooking, desk: t.navDesk }[route.view]} · ${t.appTitle}`;
  }, [route.view, lang]);

  const nav: [View, string, string][] = [
    ['book', '#/', t.navBook],
    ['booking', '#/booking', t.navMyBooking],
    ['desk', '#/desk', t.navDesk],
  ];
  const title = { book: t.chatHeading, booking: t.lookupHeading, desk: t.deskHeading }[route.view];
  return (
    <LangContext.Provider value={lang}>
      <a class="skip" href="#content" onClick={(e) => (e.preventDefault(), heading.current?.focus())}>
        {t.skip}
      </a>
      <header>
        <p class="brand" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
          <span aria-hidden="true">✈ </span>
          {t.appTitle}
        </p>
        <nav aria-label={t.appTitle}>
          <ul>
            {nav.map(([view, href, label]) => (
              <li key={view}>
                <a href={href} aria-current={route.view === view ? 'page' : undefined}>
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <button type="button" class="language" lang={lang === 'zh' ? 'en' : 'zh-CN'} aria-label={t.switchLanguageLabel} onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
          {t.switchLanguage}
        </button>
      </header>
      <main id="content">
        <h1 id="view-heading" tabIndex={-1} ref={heading}>
          {title}
        </h1>
        {/* Each view keeps its own state while the language changes; switching views starts afresh. */}
        {route.view === 'book' && <Chat headingId="view-heading" />}
        {route.view === 'booking' && (
          <MyBooking initial={{ reference: route.params.get('reference') ?? undefined, surname: route.params.get('surname') ?? undefined }} />
        )}
        {route.view === 'desk' && <Desk />}
      </main>
    </LangContext.Provider>
  );
}

render(<App />, document.getElementById('app')!);
