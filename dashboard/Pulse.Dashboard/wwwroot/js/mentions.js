// The latest-mentions feed: newest first, capped, deduplicated by id. All mention fields are untrusted.
import { el, clear } from './dom.js';
import { ago } from './format.js';
import { mentionItem } from './mention-item.js';

const MAX_MENTIONS = 50;

export function createMentionFeed() {
  const list = el('ol', { className: 'mention-list', dataset: { testid: 'mention-feed' } });
  let mentions = [];
  const freshIds = new Set();

  function render() {
    clear(list);
    if (!mentions.length) list.append(el('li', { className: 'empty-note', text: 'No mentions yet.' }));
    for (const m of mentions) list.append(mentionItem(m, { fresh: freshIds.has(m.id) }));
    freshIds.clear();
  }

  return {
    root: list,
    set(initial) {
      mentions = (initial ?? []).slice(0, MAX_MENTIONS);
      render();
    },
    /** Adds mentions (any order) keeping newest first. */
    add(latest) {
      if (!latest?.length) return;
      const known = new Set(mentions.map((m) => m.id));
      const added = latest.filter((m) => !known.has(m.id));
      if (!added.length) return;
      for (const m of added) freshIds.add(m.id);
      mentions = [...added, ...mentions]
        .sort((a, b) => Date.parse(b.timestamp) - Date.parse(a.timestamp))
        .slice(0, MAX_MENTIONS);
      render();
    },
    /** Refreshes the relative times. */
    tick() {
      for (const time of list.querySelectorAll('time.mention-time')) {
        const at = Date.parse(time.getAttribute('datetime'));
        if (Number.isFinite(at)) time.textContent = ago(at);
      }
    },
  };
}
