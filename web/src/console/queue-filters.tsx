// Filter controls for the queue; every change rewrites the address.
import { useEffect, useState } from 'react';
import { CASE_STATES, QUEUE_LANGUAGES, SOURCES } from './queue-options.ts';
import { languageName } from './text-language.tsx';
import { label, SOURCE_LABEL, STATE_LABEL } from '../shared/format.ts';
import type { Policy } from '../shared/types.ts';
import { filterFromParams, paramsFromFilter, type QueueFilter } from './queue-filter.ts';

interface Props {
  filter: QueueFilter;
  policy?: Policy;
  onChange(f: QueueFilter): void;
}

export function QueueFilters({ filter: fromAddress, policy, onChange }: Props) {
  // The address updates in a transition; a local copy keeps the controls from flickering back meanwhile.
  const [filter, setFilter] = useState(fromAddress);
  const key = paramsFromFilter(fromAddress).toString();
  useEffect(() => {
    setFilter(filterFromParams(new URLSearchParams(key)));
  }, [key]);
  const set = (patch: Partial<QueueFilter>) => {
    const next = { ...filter, ...patch };
    setFilter(next);
    onChange(next);
  };
  return (
    <form className="filters" aria-label="Filter the queue" onSubmit={(e) => e.preventDefault()}>
      <label className="field">
        <span>State</span>
        <select value={filter.state ?? ''} onChange={(e) => set({ state: e.target.value || undefined })}>
          <option value="">All open</option>
          {CASE_STATES.map((s) => (
            <option key={s} value={s}>
              {label(STATE_LABEL, s)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Category</span>
        <select value={filter.category ?? ''} onChange={(e) => set({ category: e.target.value || undefined })}>
          <option value="">All categories</option>
          {policy?.categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Language</span>
        <select value={filter.language ?? ''} onChange={(e) => set({ language: e.target.value || undefined })}>
          <option value="">All languages</option>
          {QUEUE_LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {languageName(l)}
            </option>
          ))}
          {filter.language && filter.language !== 'unknown' && !QUEUE_LANGUAGES.some((l) => l === filter.language) && (
            <option value={filter.language}>{languageName(filter.language)}</option>
          )}
          <option value="unknown">Unknown</option>
        </select>
      </label>
      <label className="field">
        <span>Source</span>
        <select value={filter.source ?? ''} onChange={(e) => set({ source: e.target.value || undefined })}>
          <option value="">All sources</option>
          {SOURCES.map((s) => (
            <option key={s} value={s}>
              {label(SOURCE_LABEL, s)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Order</span>
        <select value={filter.sort} onChange={(e) => set({ sort: e.target.value === 'age' ? 'age' : 'priority' })}>
          <option value="priority">Highest priority first</option>
          <option value="age">Oldest first</option>
        </select>
      </label>
      <label className="check">
        <input type="checkbox" checked={filter.overdue} onChange={(e) => set({ overdue: e.target.checked })} />
        <span>Overdue only</span>
      </label>
      <label className="check">
        <input type="checkbox" checked={filter.mine} onChange={(e) => set({ mine: e.target.checked })} />
        <span>Claimed by me</span>
      </label>
    </form>
  );
}
