// An abuse mail as Vigil reads it: parsed by mailparser (any charset and transfer encoding, HTML bodies
// turned into text), with ARF (RFC 5965) and X-ARF reports recognised, forwarded messages opened, and
// every link that might name a channel, post, bot, sticker set or private group collected. Everything
// is bounded: the raw size is limited before parsing, bodies are cut, links and attachments counted.
// Attachments are kept only as names, types, sizes and SHA-256 digests: never opened, never executed.
import { createHash } from 'node:crypto';
import { type Attachment, type ParsedMail, simpleParser } from 'mailparser';

export const MAIL_LIMITS = {
  /** Text read from a body (and from each forwarded message). */
  textChars: 20_000,
  /** Links collected from one mail; a mail listing more names the first ones. */
  links: 50,
  /** Attachments recorded as evidence. */
  attachments: 20,
  /** An attachment larger than this is recorded by name and digest only; its bytes are not kept. */
  attachmentBytes: 5 * 1024 * 1024,
  /** How deep forwarded messages (message/rfc822 attachments) are opened. */
  forwardDepth: 2,
};

export type MailFormat = 'plain' | 'arf' | 'xarf';

export interface MailEvidence {
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  /** The bytes, when within MAIL_LIMITS.attachmentBytes: kept as evidence, never opened. */
  content?: Buffer;
}

export interface IncomingMail {
  messageId: string | null;
  /** The sender's address (lower case), where replies go; null when there is none to answer. */
  from: string | null;
  subject: string;
  /** The human part of the mail as plain text, cut at MAIL_LIMITS.textChars. */
  text: string;
  format: MailFormat;
  /** ARF's Feedback-Type, or X-ARF's Category / Report-Type. */
  reportType: string | null;
  /** Content-Language, when the sender's software said. */
  declaredLanguage: string | null;
  links: string[];
  evidence: MailEvidence[];
  /** An auto-reply, bounce or list mail: it is read, but never answered (no mail loops). */
  automatic: boolean;
}

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`{}|\\^[\]]+/giu;
const TRAILING = /[.,;:!?)\]}»”’'"]+$/u;

/** The distinct http(s) links in a text, in order of appearance, without trailing punctuation. */
export function linksIn(text: string, limit = MAIL_LIMITS.links): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(URL_PATTERN)) {
    const link = m[0].replace(TRAILING, '');
    if (link.length > 2048) continue;
    found.add(link);
    if (found.size >= limit) break;
  }
  return [...found];
}

/** `Key: value` lines (ARF's machine-readable part, X-ARF's YAML), keys in lower case; repeated keys kept. */
export function fieldsOf(text: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const line of text.split(/\r?\n/u).slice(0, 500)) {
    const m = /^\s*([A-Za-z][A-Za-z0-9-]{0,63})\s*:\s*(.*?)\s*$/u.exec(line);
    if (m) out.push([m[1].toLowerCase(), m[2].replace(/^["']|["']$/gu, '')]);
  }
  return out;
}

const cut = (s: string) => (s.length > MAIL_LIMITS.textChars ? s.slice(0, MAIL_LIMITS.textChars) : s);
const headerText = (mail: ParsedMail, name: string): string | null => {
  const v = mail.headers.get(name);
  if (v === undefined || v === null) return null;
  return (typeof v === 'string' ? v : typeof v === 'object' && 'text' in v ? String(v.text) : String(v)).trim() || null;
};

/** RFC 3834 and common practice: mail sent by machines, which must never be answered. */
function isAutomatic(mail: ParsedMail, from: string | null): boolean {
  const auto = headerText(mail, 'auto-submitted');
  if (auto && auto.toLowerCase() !== 'no') return true;
  const precedence = headerText(mail, 'precedence')?.toLowerCase();
  if (precedence && ['bulk', 'junk', 'list', 'auto_reply'].includes(precedence)) return true;
  // mailparser gathers List-* headers under `list`.
  if (mail.headers.has('list') || headerText(mail, 'x-autoreply') || headerText(mail, 'x-autorespond')) return true;
  const ct = headerText(mail, 'content-type')?.toLowerCase() ?? '';
  if (ct.includes('report-type=delivery-status') || ct.includes('report-type=disposition-notification')) return true;
  if (!from) return true;
  const local = from.split('@')[0];
  return /^(mailer-daemon|postmaster|no-?reply|do-?not-?reply|bounces?)([+-].*)?$/u.test(local);
}

const textOfAttachment = (a: Attachment) => a.content.subarray(0, MAIL_LIMITS.textChars * 4).toString('utf8');

function evidenceOf(a: Attachment): MailEvidence {
  return {
    filename: (a.filename ?? 'attachment').slice(0, 200),
    contentType: (a.contentType ?? 'application/octet-stream').slice(0, 100),
    size: a.size ?? a.content.length,
    sha256: createHash('sha256').update(a.content).digest('hex'),
    ...(a.content.length <= MAIL_LIMITS.attachmentBytes ? { content: a.content } : {}),
  };
}

function fromAddress(mail: ParsedMail): string | null {
  const from = mail.replyTo?.value[0]?.address ?? mail.from?.value[0]?.address;
  if (!from || from.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/u.test(from)) return null;
  return from.toLowerCase();
}

/** Parses a raw message (already limited in size by the caller). Never throws on malformed MIME: mailparser reads what it can. */
export async function readMail(raw: Buffer, depth = 0): Promise<IncomingMail> {
  const mail = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true, maxHtmlLengthToParse: 2_000_000 });
  const from = fromAddress(mail);
  const subject = (mail.subject ?? '').slice(0, 500);
  const texts: string[] = [cut(mail.text ?? '')];
  // HTML-only mail: mailparser gives its text too; the links of the HTML itself (href) count as well.
  const htmlLinks = typeof mail.html === 'string' ? linksIn(mail.html.slice(0, 2_000_000)) : [];
  const evidence: MailEvidence[] = [];
  let format: MailFormat = headerText(mail, 'x-xarf') || headerText(mail, 'x-arf') ? 'xarf' : 'plain';
  let reportType: string | null = null;
  const fieldLinks: string[] = [];
  const forwarded: Buffer[] = [];
  for (const a of mail.attachments.slice(0, MAIL_LIMITS.attachments * 2)) {
    const type = (a.contentType ?? '').toLowerCase();
    if (type === 'message/feedback-report') {
      format = 'arf';
      for (const [k, v] of fieldsOf(textOfAttachment(a))) {
        if (k === 'feedback-type') reportType = v.toLowerCase();
        if (k === 'reported-uri' || k === 'source' || k === 'reported-domain') fieldLinks.push(v);
      }
      continue;
    }
    if (format === 'xarf' && (type.includes('yaml') || type.includes('json') || type === 'text/plain')) {
      const body = textOfAttachment(a);
      for (const [k, v] of fieldsOf(body)) {
        if ((k === 'category' || k === 'report-type') && !reportType) reportType = v.toLowerCase();
      }
      const json = /"(?:category|report_type|reportType)"\s*:\s*"([^"]{1,64})"/u.exec(body);
      if (json && !reportType) reportType = json[1].toLowerCase();
      fieldLinks.push(...linksIn(body));
      continue;
    }
    if (type === 'message/rfc822' || type === 'text/rfc822-headers') {
      forwarded.push(a.content);
      continue;
    }
    if (evidence.length < MAIL_LIMITS.attachments) evidence.push(evidenceOf(a));
  }
  const nested: IncomingMail[] = [];
  if (depth < MAIL_LIMITS.forwardDepth) for (const m of forwarded.slice(0, 5)) nested.push(await readForwarded(m, depth + 1));
  for (const n of nested) texts.push(n.subject, n.text);
  const text = cut(texts.filter(Boolean).join('\n\n'));
  const links = [
    ...new Set([...linksIn(`${subject}\n${text}`), ...htmlLinks, ...fieldLinks.flatMap((v) => linksIn(v)), ...nested.flatMap((n) => n.links)]),
  ].slice(0, MAIL_LIMITS.links);
  return {
    messageId: mail.messageId?.slice(0, 300) ?? null,
    from,
    subject,
    text,
    format,
    reportType,
    declaredLanguage: headerText(mail, 'content-language'),
    links,
    evidence,
    automatic: isAutomatic(mail, from),
  };
}

async function readForwarded(raw: Buffer, depth: number): Promise<IncomingMail> {
  try {
    return await readMail(raw, depth);
  } catch {
    return { ...EMPTY };
  }
}

const EMPTY: IncomingMail = {
  messageId: null,
  from: null,
  subject: '',
  text: '',
  format: 'plain',
  reportType: null,
  declaredLanguage: null,
  links: [],
  evidence: [],
  automatic: true,
};
