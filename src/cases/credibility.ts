// Reporters' credibility (DSA Art. 23): how much one report weighs, which category a case's reports
// back once each reporter is weighed, the triage lane of a severe claim nobody credible backs, and the
// coordination figures. Pure; docs/POLICY.md ("Credibility and misuse") says the same in words.
import { createHash } from 'node:crypto';
import { category, reviewDeadlineMs } from '../policy/policy.ts';
import type { ReportSource } from './case-values.ts';
import { SOURCE_WEIGHT, trackRecordFactor, type ReporterRecord } from './priority.ts';
import { severityOrder } from './report-split.ts';

const HOUR = 3_600_000;
/** An account or address younger than this, without a record, is unproven. */
export const FRESH_MS = 7 * 24 * HOUR;
/** An unproven reporter's weight is this share of its source's weight. */
export const UNPROVEN_FACTOR = 0.1;
/** All unproven reporters of a category together weigh at most this much (a crowd of new accounts confirms nothing). */
export const UNPROVEN_CAP = 0.5;
/** A category is confirmed when its reporters weigh at least one ordinary established reporter. */
export const CONFIRMED_WEIGHT = 1;
/** The clock of a severe claim that is not confirmed: a person looks soon, without the severe deadline. */
export const TRIAGE_MS = 4 * HOUR;
/** Coordination: reporters created or first seen at most this long before the case opened (or since). */
export const COORDINATION_WINDOW_MS = HOUR;
/** Weights are kept in thousandths, as integers, so sums are exact whatever order reports arrive in. */
const UNIT = 1000;

/** Sources whose reporters may be new accounts or addresses; keys are issued to vetted organisations. */
const AGED_SOURCES: readonly ReportSource[] = ['anonymous', 'in_app'];

export interface ReporterStanding {
  /** Account created, or address first seen; null when unknown (keys, detection). */
  since: string | null;
  /** The reporter's reports are set aside (a senior's decision, still running at `at`). */
  setAside: boolean;
}

const hasRecord = (r: ReporterRecord | undefined) => r !== undefined && r.agreed + r.disagreed > 0;

/** Unproven: an account or address younger than FRESH_MS at the report, with no decided report yet. */
export function isUnproven(source: ReportSource, record: ReporterRecord | undefined, since: string | null, at: string): boolean {
  if (!AGED_SOURCES.includes(source) || since === null || hasRecord(record)) return false;
  return new Date(at).getTime() - new Date(since).getTime() < FRESH_MS;
}

/** One report's credibility: source weight × track record × (0.1 while unproven); 0 while set aside. */
export function credibilityOf(source: ReportSource, record: ReporterRecord | undefined, standing: ReporterStanding, at: string): number {
  if (standing.setAside) return 0;
  return SOURCE_WEIGHT[source] * trackRecordFactor(record) * (isUnproven(source, record, standing.since, at) ? UNPROVEN_FACTOR : 1);
}

export const weightUnits = (credibility: number): number => Math.round(credibility * UNIT);

/** Per category, [established, unproven] sums of its reporters' best weights (thousandths). */
export type CategoryWeights = Record<string, [number, number]>;

export interface ReporterWeight {
  weight: number;
  unproven: boolean;
}

/** The better of two weights of one reporter in one category: heavier first, established on a tie (order-free). */
export const betterWeight = (a: ReporterWeight, b: ReporterWeight): ReporterWeight =>
  a.weight !== b.weight ? (a.weight > b.weight ? a : b) : a.unproven ? b : a;

/** The sums after a reporter's best weight in a category went from `before` (none when new) to `after`. */
export function addWeight(w: CategoryWeights, categoryId: string, before: ReporterWeight | undefined, after: ReporterWeight): CategoryWeights {
  const [e, u] = w[categoryId] ?? [0, 0];
  const sums: [number, number] = [e, u];
  if (before) sums[before.unproven ? 1 : 0] -= before.weight;
  sums[after.unproven ? 1 : 0] += after.weight;
  return { ...w, [categoryId]: sums };
}

/** A category's effective weight: established reporters in full, unproven ones up to UNPROVEN_CAP together. */
export const effectiveWeight = ([e, u]: [number, number]): number => e + Math.min(u, UNPROVEN_CAP * UNIT);
/** The same, as a credibility (1 = one ordinary established reporter), not thousandths. */
export const effectiveCredibility = (sums: [number, number]): number => effectiveWeight(sums) / UNIT;

export interface Lead {
  category: string;
  /** Its effective weight reaches CONFIRMED_WEIGHT. */
  confirmed: boolean;
}

/**
 * The credibility-weighted majority: the category of the largest effective weight (ties: the more severe).
 * A case whose reporters all weigh nothing (set aside) gets `other`, unconfirmed: no claim of theirs leads.
 */
export function leadOf(weights: CategoryWeights): Lead {
  let best: { category: string; weight: number } | undefined;
  for (const [id, sums] of Object.entries(weights)) {
    const weight = effectiveWeight(sums);
    if (weight <= 0) continue;
    if (!best || weight > best.weight || (weight === best.weight && severityOrder(id, best.category) < 0)) best = { category: id, weight };
  }
  return best ? { category: best.category, confirmed: best.weight >= CONFIRMED_WEIGHT * UNIT } : { category: 'other', confirmed: false };
}

/** A claimed category severe enough that an unconfirmed claim of it goes to the triage lane. */
export const isSevereClaim = (categoryId: string): boolean => reviewDeadlineMs(categoryId, false) <= TRIAGE_MS;

export interface Clock {
  slaDueAt: string;
  /** The triage lane's clock, when a severe claim is not confirmed; null otherwise. */
  triageDueAt: string | null;
}

/**
 * The review clock, counted from the case's opening: a confirmed category's own deadline; an unconfirmed
 * one's never shorter than TRIAGE_MS. A severe claimed category that is not confirmed puts the case in the
 * triage lane with TRIAGE_MS, which also bounds the review clock: a person looks soon, but the priority
 * (and so the queue's order) follows the weighed category.
 */
export function clockOf(openedAt: string, lead: Lead, weights: CategoryWeights, lifeAtRisk: boolean): Clock {
  const opened = new Date(openedAt).getTime();
  const deadline = reviewDeadlineMs(lead.category, lifeAtRisk);
  let due = opened + (lead.confirmed ? deadline : Math.max(deadline, TRIAGE_MS));
  // Claims of reporters whose reports are set aside weigh nothing and send nothing to triage.
  const unconfirmedSevere = Object.entries(weights).some(([id, sums]) => {
    const weight = effectiveWeight(sums);
    return isSevereClaim(id) && weight > 0 && weight < CONFIRMED_WEIGHT * UNIT;
  });
  const triage = unconfirmedSevere ? opened + TRIAGE_MS : null;
  if (triage !== null) due = Math.min(due, triage);
  return { slaDueAt: new Date(due).toISOString(), triageDueAt: triage === null ? null : new Date(triage).toISOString() };
}

/** Coordination: the reporter's account or address is no older than the window before the case opened. */
export function isFreshForCase(since: string | null, caseOpenedAt: string): boolean {
  return since !== null && new Date(since).getTime() >= new Date(caseOpenedAt).getTime() - COORDINATION_WINDOW_MS;
}

/** Reports "share the same text" when their explanations are equal once case and spacing are ignored. */
export function textHash(explanation: string | null): string | null {
  const text = explanation?.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  if (!text) return null;
  return createHash('sha256').update(text).digest('hex').slice(0, 24);
}

/** The category's severity, for the console's account of the priority. */
export const severityOf = (categoryId: string): number => category(categoryId).severity;
