/** A search result as a list item, shared by the search page and the header's quick search. */
import type { ResultView } from '../lib/search/view.ts';

export function renderResult(view: ResultView, { isCompact = false } = {}): HTMLLIElement {
  const item = element('li', 'search-result');
  const link = element('a', 'search-result-link');
  link.href = view.url;
  link.append(element('span', 'search-result-id', view.id), ' ', element('span', 'search-result-subject', view.subject));
  item.append(link);
  const date = element('time', '', view.date);
  date.dateTime = view.isoDate;
  const facts = [view.date ? date : '', view.origin, isCompact ? '' : view.classification, view.landing ? `→ ${view.landing}` : ''].filter(
    Boolean,
  );
  const meta = element('p', 'search-result-meta');
  meta.append(...facts.flatMap((fact, index) => (index === 0 ? [fact] : [' · ', fact])));
  item.append(meta);
  const excerpt = element('p', 'search-result-excerpt');
  for (const part of view.excerpt) excerpt.append(part.isMark ? element('mark', '', part.text) : part.text);
  item.append(excerpt);
  return item;
}

/** A result whose text is not fetched yet: holds its place in the list until it comes into view. */
export function renderPlaceholder(): HTMLLIElement {
  const item = element('li', 'search-result search-result-pending');
  item.setAttribute('aria-busy', 'true');
  return item;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
