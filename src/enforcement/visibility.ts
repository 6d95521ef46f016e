// One place answers "may this subject be shown to this viewer, and if not, with what notice?".
// The platform's API and preview pages ask it before showing anything public; enforcement (the
// moderation core) supplies the restrictions through the `RestrictionSource` interface.
import type { PublicSubjectKind } from '../subjects/kinds.ts';

export type { PublicSubjectKind };
export interface SubjectRef {
  kind: PublicSubjectKind;
  id: string;
}

/** Who is looking. `country` comes from a pluggable resolver (a request header in the reference setup). */
export interface Viewer {
  country?: string;
}

/**
 * What keeps a subject from view (an enforcement action's code): `blocked`: the whole subject; `removed`:
 * one post; `restricted`: withheld in the viewer's country; `held`: kept back by automated detection until
 * a person reviews it.
 */
export const NOTICE_CODES = ['blocked', 'removed', 'restricted', 'held'] as const;
export type NoticeCode = (typeof NOTICE_CODES)[number];

export interface Notice {
  code: NoticeCode;
  category: string | null;
  text: string;
}

export type Visibility = { visible: true } | { visible: false; notice: Notice };

export interface Restriction {
  subject: SubjectRef;
  code: Notice['code'];
  category: string | null;
  text: string;
  /** ISO country code when the restriction applies in one jurisdiction only. */
  country: string | null;
}

export interface RestrictionSource {
  activeRestrictions(subjects: SubjectRef[]): Promise<Restriction[]>;
  /** True when the restrictions are read from the database and nothing else (see PageCache). */
  readonly fromDatabase?: boolean;
}

export const noRestrictions: RestrictionSource = { activeRestrictions: async () => [] };

const key = (s: SubjectRef) => `${s.kind}:${s.id}`;

export class VisibilityService {
  #source: RestrictionSource;
  constructor(source: RestrictionSource = noRestrictions) {
    this.#source = source;
  }

  /**
   * Whether every answer follows from the database alone (the enforcement source): only then may an
   * answer be cached until the database changes.
   */
  get fromDatabase(): boolean {
    return this.#source.fromDatabase === true;
  }

  setSource(source: RestrictionSource): void {
    this.#source = source;
  }

  async check(subject: SubjectRef, viewer: Viewer): Promise<Visibility> {
    return (await this.checkMany([subject], viewer)).get(key(subject)) ?? { visible: true };
  }

  /** Checks several subjects with one lookup; the map is keyed `kind:id`. */
  async checkMany(subjects: SubjectRef[], viewer: Viewer): Promise<Map<string, Visibility>> {
    const result = new Map<string, Visibility>(subjects.map((s) => [key(s), { visible: true }]));
    if (subjects.length === 0) return result;
    for (const r of await this.#source.activeRestrictions(subjects)) {
      if (r.country !== null && r.country !== viewer.country) continue;
      result.set(key(r.subject), { visible: false, notice: { code: r.code, category: r.category, text: r.text } });
    }
    return result;
  }
}

export const visibilityKey = key;
