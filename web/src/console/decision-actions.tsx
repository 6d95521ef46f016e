// The actions of an "actioned" decision, and which posts to remove. Jurisdiction restrictions are
// offered to seniors only; the server checks every rule again.
import { isBlockable } from '../../../src/subjects/kinds.ts';
import { ACTION_LABEL } from '../shared/format.ts';
import type { ActionKind, CaseDetail, PostView } from '../shared/types.ts';
import { FieldError } from './field-error.tsx';

const HINT: Record<ActionKind, string> = {
  block: 'Everyone sees a notice instead of the content.',
  remove_posts: 'The chosen posts are replaced by a removal notice.',
  restrict_in_jurisdiction: 'Hidden in the country of the authority’s order only. Needs an authority report with a legal basis.',
  warn_owner: 'The owner receives the statement of reasons as a warning.',
};

export function availableActions(detail: CaseDetail, senior: boolean): ActionKind[] {
  const kind = detail.subject.kind;
  const list: ActionKind[] = [];
  if (isBlockable(kind)) list.push('block');
  if (kind === 'channel') list.push('remove_posts');
  if (senior && isBlockable(kind)) list.push('restrict_in_jurisdiction');
  list.push('warn_owner');
  return list;
}

export function postsOf(detail: CaseDetail): PostView[] {
  const s = detail.subjectNow;
  if (s?.kind !== 'channel') return [];
  return [...new Map([...s.reportedPosts, ...s.recentPosts].map((p) => [p.id, p])).values()];
}

interface Props {
  detail: CaseDetail;
  senior: boolean;
  actions: Set<ActionKind>;
  postIds: Set<string>;
  onToggleAction(a: ActionKind, on: boolean): void;
  onTogglePost(id: string, on: boolean): void;
  actionsError?: string;
  postsError?: string;
}

export function DecisionActions({ detail, senior, actions, postIds, onToggleAction, onTogglePost, actionsError, postsError }: Props) {
  const posts = postsOf(detail);
  return (
    <fieldset className="stack" aria-describedby={actionsError ? 'decision-actions-error' : undefined}>
      <legend>Actions</legend>
      {availableActions(detail, senior).map((a) => (
        <div key={a}>
          <label className="check">
            <input type="checkbox" name="actions" value={a} checked={actions.has(a)} onChange={(e) => onToggleAction(a, e.target.checked)} />
            <span>
              {ACTION_LABEL[a]}
              {a === 'restrict_in_jurisdiction' && <span className="senior-badge">senior</span>}
            </span>
          </label>
          <p className="hint indent">{HINT[a]}</p>
          {a === 'remove_posts' && actions.has('remove_posts') && (
            <fieldset className="posts-pick indent" aria-describedby={postsError ? 'decision-posts-error' : undefined}>
              <legend>Posts to remove</legend>
              {posts.length === 0 && <p className="muted">This channel has no posts to remove.</p>}
              {posts.map((p) => (
                <label key={p.id} className="check">
                  <input type="checkbox" name="postIds" value={p.id} checked={postIds.has(p.id)} onChange={(e) => onTogglePost(p.id, e.target.checked)} />
                  <span>
                    #{p.number}
                    {p.reported && <span className="flag-reported">Reported</span>}{' '}
                    <span dir="auto" className="user-text clip">
                      {p.text || (p.media.length ? `(${p.media.length} media)` : '')}
                    </span>
                  </span>
                </label>
              ))}
              <FieldError id="decision-posts-error" message={postsError} />
            </fieldset>
          )}
        </div>
      ))}
      <FieldError id="decision-actions-error" message={actionsError} />
    </fieldset>
  );
}
