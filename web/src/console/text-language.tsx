// The detected language of a text, named in English (the console's language), and, when the server names a
// LibreTranslate-compatible service (VIGIL_TRANSLATE_URL), a link that opens the text there translated to
// English. The link is followed only when a moderator chooses to: nothing is sent to the service otherwise.
import { useTranslateUrl } from './session.tsx';

const names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });
/** LibreTranslate's page takes the text in its address; beyond this it is cut (addresses have limits). */
const MAX_TRANSLATED_CHARS = 1500;

export function languageName(tag: string | null | undefined): string {
  if (!tag) return 'Unknown language';
  try {
    return names.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

export function translateLink(service: string, lang: string, text: string): string {
  const url = new URL(service);
  url.searchParams.set('source', lang);
  url.searchParams.set('target', 'en');
  url.searchParams.set('q', text.slice(0, MAX_TRANSLATED_CHARS));
  return url.href;
}

export function TextLanguage({ lang, text }: { lang: string | null | undefined; text?: string | null }) {
  const service = useTranslateUrl();
  return (
    <span className="text-language">
      <span className="lang-badge" title="Detected language">
        {languageName(lang)}
      </span>
      {service && lang && lang !== 'en' && text && (
        <>
          {' '}
          <a href={translateLink(service, lang, text)} target="_blank" rel="noreferrer noopener">
            Translate<span className="visually-hidden"> this text to English (opens the translation service)</span>
          </a>
        </>
      )}
    </span>
  );
}
