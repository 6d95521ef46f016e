// User-written strings (titles, posts, reports) in any script: dir="auto" lets Arabic, Kurdish or
// Persian text run right-to-left inside the left-to-right interface. React escapes the text itself.
import type { ElementType } from 'react';

export function UserText({ text, as: Tag = 'span', className }: { text: string | null | undefined; as?: ElementType; className?: string }) {
  if (!text) return <span className="muted">(empty)</span>;
  return (
    <Tag dir="auto" className={className ? `user-text ${className}` : 'user-text'}>
      {text}
    </Tag>
  );
}
