// Every string the /transparency page shows, in English, in one place: whoever adds translations moves
// these into catalogues (locales/<lang>.json) and this module becomes the lookup. Plurals go through
// Intl.PluralRules and names of languages through Intl.DisplayNames, so they follow the locale.
export const LOCALE = 'en';

const plural = new Intl.PluralRules(LOCALE);
const languageNames = new Intl.DisplayNames([LOCALE], { type: 'language' });
const number = new Intl.NumberFormat(LOCALE);
const percent = new Intl.NumberFormat(LOCALE, { style: 'percent', maximumFractionDigits: 0 });
const day = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', timeZone: 'UTC' });

type Forms = { one: string; other: string };
const pick = (n: number, forms: Forms) => (plural.select(n) === 'one' ? forms.one : forms.other);

const KINDS: Record<string, Forms> = {
  channel: { one: 'channel', other: 'channels' },
  post: { one: 'post', other: 'posts' },
  bot: { one: 'bot', other: 'bots' },
  sticker_set: { one: 'sticker set', other: 'sticker sets' },
};
const SUBJECTS: Forms = { one: 'item', other: 'items' };
const LANGUAGES: Forms = { one: 'language', other: 'languages' };

export const messages = {
  title: 'Transparency',
  navLink: 'Transparency',
  intro:
    'What we acted on, how fast, and what we refused. Every figure is computed from the record of each case, per day in UTC, and can be recomputed for any past period.',
  loading: 'Loading the figures…',
  loadError: 'Could not load the figures',
  headlineEmpty: 'This week: nothing actioned yet.',
  /** "This week: 78 channels actioned for terrorist content across 12 languages." */
  headline: (count: number, kind: string, categoryTitle: string, languages: number) =>
    `This week: ${number.format(count)} ${pick(count, KINDS[kind] ?? SUBJECTS)} actioned for ${categoryTitle.toLowerCase()} across ${number.format(languages)} ${pick(languages, LANGUAGES)}.`,
  weekSummary: (actioned: number, reports: number) =>
    `In all, ${number.format(actioned)} ${pick(actioned, SUBJECTS)} actioned and ${number.format(reports)} ${pick(reports, { one: 'report', other: 'reports' })} answered this week.`,
  periodNote: (from: string, to: string) => `Charts and tables: the twelve weeks from ${formatDay(from)} to ${formatDay(to)} (UTC).`,
  downloadCsv: 'Download the figures (CSV)',
  showTable: 'Show as a table',
  blockedTitle: 'Actioned per week, by category',
  languagesTitle: 'Actioned by language',
  timeTitle: 'Time to action against the deadline',
  timeNote: 'Median and 90th percentile time from the first report to the decision; the mark is the category’s review deadline.',
  authorityTitle: 'Requests from authorities, by country',
  authorityNone: 'No requests from authorities in this period.',
  otherTitle: 'Reports, appeals and automated detection',
  noData: 'No figures for this period.',
  week: 'Week from',
  category: 'Category',
  language: 'Language',
  count: 'Actioned',
  decisions: 'Decisions',
  median: 'Median',
  p90: '90th percentile',
  deadline: 'Deadline',
  withinDeadline: 'Within the deadline',
  country: 'Country',
  complied: 'Complied',
  restricted: 'Restricted in the country',
  protectedExpression: 'Declined as protected expression',
  declined: 'Declined',
  total: 'Total',
  reportsAnswered: 'Reports answered',
  declinedOutOfScope: 'Reports declined as out of scope',
  appealsFiled: 'Appeals filed',
  appealsUpheld: 'Appeals upheld',
  appealsReversed: 'Appeals that reversed the decision',
  reversals: 'Decisions reversed',
  automatedShare: 'Actioned items first found by automated detection',
  unknownLanguage: 'Unknown',
  noCategory: 'No category',
  none: '—',
};

export function languageName(tag: string): string {
  if (tag === 'und') return messages.unknownLanguage;
  try {
    return languageNames.of(tag) ?? tag;
  } catch {
    return tag;
  }
}
export const formatNumber = (n: number) => number.format(n);
export const formatShare = (share: number | null) => (share === null ? messages.none : percent.format(share));
export function formatDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : day.format(d);
}
/** 42 → "42 s", 3725 → "1 h 2 min": units through Intl where it can. */
export function formatSeconds(seconds: number): string {
  const unit = (value: number, u: 'second' | 'minute' | 'hour' | 'day') =>
    new Intl.NumberFormat(LOCALE, { style: 'unit', unit: u, unitDisplay: 'short' }).format(value);
  if (seconds < 60) return unit(Math.round(seconds), 'second');
  if (seconds < 3600) return unit(Math.round(seconds / 60), 'minute');
  if (seconds < 86400) return `${unit(Math.floor(seconds / 3600), 'hour')} ${unit(Math.round((seconds % 3600) / 60), 'minute')}`;
  return unit(Math.round((seconds / 86400) * 10) / 10, 'day');
}
