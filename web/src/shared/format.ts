// Dates, durations and labels in plain words.
const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTime.format(d);
}

/** 3725 → "1h 02m"; 90000 → "1d 1h 00m"; 42 → "42s". */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(Math.abs(totalSeconds)));
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (d > 0) return `${d}d ${h}h ${String(m).padStart(2, '0')}m`;
  if (h > 0) return `${h}h ${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${m}m ${String(sec).padStart(2, '0')}s`;
  return `${sec}s`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export const STATE_LABEL: Record<string, string> = {
  open: 'Open',
  in_review: 'In review',
  escalated: 'Escalated',
  decided: 'Decided',
  reversed: 'Reversed',
};

export const SOURCE_LABEL: Record<string, string> = {
  anonymous: 'Web form',
  email: 'E-mail',
  in_app: 'In-app',
  trusted_flagger: 'Trusted flagger',
  authority: 'Authority',
  platform: 'Platform',
  automated: 'Automated detection',
};

export const OUTCOME_LABEL: Record<string, string> = {
  actioned: 'Action taken',
  no_violation: 'No violation',
  protected_expression: 'Protected expression',
  out_of_scope: 'Out of scope',
  reversed: 'Decision reversed',
};

export const ACTION_LABEL: Record<string, string> = {
  block: 'Block',
  remove_posts: 'Remove posts',
  restrict_in_jurisdiction: 'Restrict in one country',
  warn_owner: 'Warn the owner',
};

export const KIND_LABEL: Record<string, string> = {
  channel: 'Channel',
  post: 'Post',
  bot: 'Bot',
  sticker_set: 'Sticker set',
  group: 'Group',
  chat: 'Chat',
  account: 'Account',
};

export const label = (table: Record<string, string>, key: string | null | undefined) => (key ? (table[key] ?? key) : '—');
