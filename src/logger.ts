import pino, { type DestinationStream, type Logger } from 'pino';

/** Receipts, PINs and tokens must never reach the logs, even when a client puts them in a URL. */
export function redactUrl(url: string): string {
  return url.replace(/([?&](?:receipt|pin|token)=)[^&#]*/gi, '$1[redacted]');
}

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-receipt"]'], censor: '[redacted]' },
    serializers: {
      req: (req: { method?: string; url?: string; host?: string; remoteAddress?: string; hostname?: string; ip?: string }) => ({
        method: req.method, url: redactUrl(req.url ?? ''), host: req.host ?? req.hostname, remoteAddress: req.remoteAddress ?? req.ip,
      }),
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
