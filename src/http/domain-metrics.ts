// Gauges and a histogram about moderation and detection, read from the services when scraped (or, for
// the scan histogram, told by the scanner as scans finish): nothing here adds work to a request.
import { Gauge, Histogram, type Registry } from 'prom-client';
import type { ScanListener } from '../detection/scanner.ts';

export interface DomainMetricSources {
  /** Open cases past their SLA deadline, by category. */
  cases?: { slaBreaches(): Promise<Array<{ category: string; count: number }>> };
  matcher?: { readonly size: number; memoryBytes(): number };
  /** Subscribes to scan timings; returns an unsubscribe. */
  scans?: { onScanned(listener: ScanListener): () => void };
}

/** Installs the metrics for the sources given; returns what stops listening (for the app's close). */
export function installDomainMetrics(registry: Registry, sources: DomainMetricSources): () => void {
  const { cases, matcher, scans } = sources;
  if (cases) {
    new Gauge({
      name: 'vigil_cases_sla_breached',
      help: 'Open cases past their SLA deadline, by category',
      labelNames: ['category'],
      registers: [registry],
      async collect() {
        const rows = await cases.slaBreaches();
        this.reset();
        for (const r of rows) this.set({ category: r.category }, r.count);
      },
    });
  }
  if (matcher) {
    new Gauge({
      name: 'vigil_matcher_entries',
      help: 'Active bank entries in this process’s hash matcher',
      registers: [registry],
      collect() {
        this.set(matcher.size);
      },
    });
    new Gauge({
      name: 'vigil_matcher_bytes',
      help: 'Bytes held by this process’s hash matcher indexes and entry records',
      registers: [registry],
      collect() {
        this.set(matcher.memoryBytes());
      },
    });
  }
  if (!scans) return () => {};
  const scanSeconds = new Histogram({
    name: 'vigil_upload_scan_seconds',
    help: 'Time to scan published media against the hash banks (PDQ from the upload’s decode or a new decode in the pool, then the match), by surface',
    labelNames: ['surface'],
    registers: [registry],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  });
  return scans.onScanned((seconds, surface) => scanSeconds.observe({ surface }, seconds));
}
