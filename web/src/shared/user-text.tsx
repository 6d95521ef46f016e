// User-written strings (titles, posts, reports) in any script: dir="auto" lets Arabic, Kurdish or
// Persian text run right-to-left inside the left-to-right interface. React escapes the text itself.
import type { ElementType } from 'react';
import { useOptionalIntl } from './i18n.tsx';

export function UserText({ text, as: Tag = 'span', className }: { text: string | null | undefined; as?: ElementType; className?: string }) {
  // Null outside the public pages' IntlProvider (the console, which stays English).
  const intl = useOptionalIntl();
  if (!text) return <span className="muted">{intl ? intl.formatMessage({ id: 'common.empty' }) : '(empty)'}</span>;
  return (
    <Tag dir="auto" className={className ? `user-text ${className}` : 'user-text'}>
      {text}
    </Tag>
  );
}
