import pino, { type DestinationStream, type Logger } from 'pino';

// Parameter names that may carry a secret, matched anywhere in the decoded, lower-cased name
// (`x-receipt`, `access_token`, `PIN`); over-redacting a harmless parameter costs nothing.
const SECRET_NAME = /receipt|pin|token|secret|password|key/;

/** The name as the server reads it (`+` is a space, percent-escapes decoded), or undefined if malformed. */
function decodedName(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/**
 * Receipts, PINs and tokens must never reach the logs, even when a client puts them in a URL. Names are
 * compared decoded, as the server reads them, so `?%72eceipt=` is caught; a name that does not decode has
 * its value redacted too. Other parameters stay, since they help to read a log (filters, cursors).
 */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const hash = url.indexOf('#', q);
  const query = url.slice(q + 1, hash < 0 ? undefined : hash);
  const redacted = query
    .split('&')
    .map((part) => {
      const eq = part.indexOf('=');
      if (eq < 0) return part;
      const name = decodedName(part.slice(0, eq));
      return name === undefined || SECRET_NAME.test(name.toLowerCase()) ? `${part.slice(0, eq)}=[redacted]` : part;
    })
    .join('&');
  return `${url.slice(0, q + 1)}${redacted}${hash < 0 ? '' : '#[redacted]'}`;
}

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-receipt"]'], censor: '[redacted]' },
    serializers: {
      req: (req: { method?: string; url?: string; host?: string; remoteAddress?: string; hostname?: string; ip?: string }) => ({
        method: req.method,
        url: redactUrl(req.url ?? ''),
        host: req.host ?? req.hostname,
        remoteAddress: req.remoteAddress ?? req.ip,
      }),
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
