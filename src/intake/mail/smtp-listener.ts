// The abuse mailbox's SMTP listener (smtp-server): it accepts mail for the configured abuse addresses
// only, refuses mail larger than the limit while it is still arriving, and counts each sender and each
// client address (more generously) per hour (a flood is refused with a temporary error, never answered). No AUTH, no relay:
// it receives, it never forwards. Each accepted mail is filed through the mailbox service; a mail that
// cannot be filed for a passing reason is refused with 451 so the sender's server tries again later, and
// a malformed one is still accepted (mailparser reads what it can) so nothing loops.
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { Logger } from 'pino';
import type { MailboxService } from './mail-intake.service.ts';

export interface SmtpListenerOptions {
  port: number;
  host: string;
  addresses: string[];
  maxBytes: number;
  /** Mails per sender address, and per client address, per hour. */
  perHour: number;
  mailbox: MailboxService;
  logger: Logger;
  /** The name the listener greets with. */
  name?: string;
}

const HOUR_MS = 3_600_000;
/** One client address carries many senders' mail (a provider's outbound relay): it may connect this many times a sender's allowance. */
const CLIENT_FACTOR = 20;

/** Counts per key in the current hour; memory bounded by clearing the whole map each hour. */
class HourlyCounter {
  #counts = new Map<string, number>();
  #since = Date.now();
  hit(key: string): number {
    if (Date.now() - this.#since > HOUR_MS || this.#counts.size > 100_000) {
      this.#counts.clear();
      this.#since = Date.now();
    }
    const n = (this.#counts.get(key) ?? 0) + 1;
    this.#counts.set(key, n);
    return n;
  }
}

const smtpError = (message: string, responseCode: number) => Object.assign(new Error(message), { responseCode });

export async function startSmtpListener(o: SmtpListenerOptions): Promise<{ port: number; close(): Promise<void> }> {
  const accepted = new Set(o.addresses.map((a) => a.toLowerCase()));
  const byClient = new HourlyCounter();
  const bySender = new HourlyCounter();
  const server = new SMTPServer({
    name: o.name ?? 'vigil',
    banner: 'Vigil abuse mailbox',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: o.maxBytes,
    maxClients: 50,
    socketTimeout: 60_000,
    closeTimeout: 5_000,
    logger: false,
    onConnect(session: SMTPServerSession, cb: (err?: Error | null) => void) {
      if (byClient.hit(session.remoteAddress) > o.perHour * CLIENT_FACTOR) return cb(smtpError('Too many connections from your address; try later', 421));
      cb();
    },
    onMailFrom(address, _session, cb) {
      const from = (address.address || '<>').toLowerCase();
      if (bySender.hit(from) > o.perHour) return cb(smtpError('Too many mails from this sender; try later', 450));
      cb();
    },
    onRcptTo(address, _session, cb) {
      if (!accepted.has(address.address.toLowerCase())) return cb(smtpError(`No mailbox here for ${address.address}`, 550));
      cb();
    },
    onData(stream: SMTPServerDataStream, _session, cb) {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (c: Buffer) => {
        size += c.length;
        if (size <= o.maxBytes) chunks.push(c);
      });
      stream.on('end', () => {
        if (stream.sizeExceeded) return cb(smtpError(`Mail larger than ${o.maxBytes} bytes`, 552));
        o.mailbox.ingest(Buffer.concat(chunks)).then(
          (r) => {
            o.logger.info({ mail: r.mailId, reports: r.reports.length, answer: r.answer.kind, format: r.format }, 'abuse mail filed');
            cb(null, `Filed: ${r.reports.length} report(s)`);
          },
          (err: unknown) => {
            o.logger.error({ err }, 'abuse mail could not be filed');
            cb(smtpError('Temporary failure filing your mail; try later', 451));
          },
        );
      });
      stream.on('error', (err: Error) => cb(err));
    },
  });
  server.on('error', (err) => o.logger.warn({ err }, 'SMTP session error'));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : o.port;
  o.logger.info({ port, host: o.host, addresses: [...accepted] }, 'abuse mailbox listening');
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
