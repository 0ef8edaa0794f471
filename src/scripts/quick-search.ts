/**
 * The header's quick search: `/` or Ctrl/Cmd+K focuses it, results (the first six, each linked
 * to its best paragraph) appear as you type, Enter or "All results" opens /search/?q=….
 * Pagefind is loaded on the first focus, not with the page.
 */
import { loadPagefind } from '../lib/search/pagefind.ts';
import { viewResult } from '../lib/search/view.ts';
import { renderResult } from './result-item.ts';

const shown = 6;

export function setUpQuickSearch(root: HTMLElement): void {
  const input = root.querySelector<HTMLInputElement>('input[type="search"]');
  const panel = root.querySelector<HTMLElement>('.quick-search-panel');
  const status = root.querySelector<HTMLElement>('.quick-search-status');
  const list = root.querySelector<HTMLOListElement>('.quick-search-list');
  const all = root.querySelector<HTMLAnchorElement>('.quick-search-all');
  if (!input || !panel || !status || !list || !all) return;
  let run = 0;
  let typing: ReturnType<typeof setTimeout> | undefined;

  const open = (isOpen: boolean): void => {
    panel.hidden = !isOpen;
    input.setAttribute('aria-expanded', String(isOpen));
  };

  const search = async (): Promise<void> => {
    const current = ++run;
    const query = input.value.trim();
    all.href = `/search/${query ? `?q=${encodeURIComponent(query)}` : ''}`;
    if (!query) {
      open(false);
      list.replaceChildren();
      return;
    }
    open(true);
    status.textContent = 'Searching…';
    try {
      const pagefind = await loadPagefind();
      const response = await pagefind.search(query);
      const fragments = await Promise.all(response.results.slice(0, shown).map((result) => result.data()));
      if (current !== run) return;
      list.replaceChildren(...fragments.map((fragment) => renderResult(viewResult(fragment, query), { isCompact: true })));
      const n = response.results.length;
      status.textContent = n === 0 ? `No cable matches “${query}”.` : `${n.toLocaleString('en')} ${n === 1 ? 'cable' : 'cables'}`;
      all.textContent = n > shown ? `All ${n.toLocaleString('en')} results →` : 'Open in the search page →';
    } catch {
      if (current === run) status.textContent = 'Search is not available here (it needs the site served over http).';
    }
  };

  input.addEventListener('focus', () => {
    void loadPagefind().catch(() => undefined);
    if (input.value.trim()) open(true);
  });
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => void search(), 120);
  });
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      open(false);
      input.blur();
    } else if (event.key === 'ArrowDown') {
      const links = [...list.querySelectorAll<HTMLAnchorElement>('a'), all];
      const index = links.indexOf(document.activeElement as HTMLAnchorElement);
      links[Math.min(index + 1, links.length - 1)]?.focus();
      event.preventDefault();
    } else if (event.key === 'ArrowUp') {
      const links = [...list.querySelectorAll<HTMLAnchorElement>('a'), all];
      const index = links.indexOf(document.activeElement as HTMLAnchorElement);
      (index <= 0 ? input : links[index - 1])?.focus();
      event.preventDefault();
    }
  });
  root.addEventListener('focusout', (event) => {
    if (!root.contains(event.relatedTarget as Node | null)) open(false);
  });
  document.addEventListener('keydown', (event) => {
    const isShortcut =
      (event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey)) || (event.key === '/' && !isTyping(event.target));
    if (!isShortcut) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}
