/**
 * The /search/ page: reads its state from the URL, runs the Pagefind search, shows the results
 * (10 at a time) and, in the filter panel, the filters with their counts; writes every change
 * back to the URL. The panel opens by itself when the URL has filters.
 *
 * A result's text comes from its Pagefind fragment (about 4 KB each on the full corpus). The
 * first few of each ten are fetched at once; the others stand as placeholders and are fetched
 * when they scroll into view, so a first search downloads only what fits on a screen.
 */
import { type FilterCounts, loadPagefind, type Pagefind, type Result } from '../lib/search/pagefind.ts';
import { type FilterName, filterNames, hasFilters, readState, type SearchState, toSearch, writeState } from '../lib/search/state.ts';
import { viewResult } from '../lib/search/view.ts';
import { renderPlaceholder, renderResult } from './result-item.ts';

const pageSize = 10;
/** Results of each ten fetched at once; the rest wait until they come into view. */
const eagerResults = 5;
const shownValues = 12;
const filterLabels: Record<FilterName, string> = { tag: 'Tag', origin: 'Origin', classification: 'Classification', year: 'Year' };

export function setUpSearchPage(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('#search-form');
  const input = root.querySelector<HTMLInputElement>('#search-q');
  const sort = root.querySelector<HTMLSelectElement>('#search-sort');
  const panel = root.querySelector<HTMLDetailsElement>('#search-filter-panel');
  const filtersBox = root.querySelector<HTMLElement>('#search-filters');
  const status = root.querySelector<HTMLElement>('#search-status');
  const list = root.querySelector<HTMLOListElement>('#search-results');
  const more = root.querySelector<HTMLButtonElement>('#search-more');
  if (!form || !input || !sort || !panel || !filtersBox || !status || !list || !more) return;

  let state = readState(new URLSearchParams(location.search));
  let run = 0;
  let shown: { results: Result[]; count: number; query: string } = { results: [], count: 0, query: '' };
  const expanded = new Set<FilterName>();
  /** Placeholders waiting to come into view, and what to do when they do. */
  const waiting = new Map<Element, () => void>();
  const visibility =
    'IntersectionObserver' in window
      ? new IntersectionObserver((entries, observer) => {
          for (const entry of entries) {
            const reveal = waiting.get(entry.target);
            if (!entry.isIntersecting || !reveal) continue;
            waiting.delete(entry.target);
            observer.unobserve(entry.target);
            reveal();
          }
        })
      : undefined;
  const whenVisible = (element: Element, reveal: () => void): void => {
    if (!visibility) {
      reveal();
      return;
    }
    waiting.set(element, reveal);
    visibility.observe(element);
  };
  let filterCounts: Promise<FilterCounts> | undefined;
  /** Pagefind, with every filter's counts loaded once the filter panel is open (about 90 KB on the full corpus: not for a first search). */
  const pagefind = async (): Promise<Pagefind> => {
    const instance = await loadPagefind();
    if (panel.open) {
      filterCounts ??= instance.filters();
      await filterCounts;
    }
    return instance;
  };

  const fillForm = (): void => {
    input.value = state.q;
    sort.value = state.sort;
  };

  const update = (next: SearchState, { push = false } = {}): void => {
    state = next;
    const url = `${location.pathname}${writeState(state)}`;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
    runSearch();
  };

  const runSearch = (): void => {
    search().catch((error: unknown) => {
      root.dataset.state = 'error';
      status.textContent =
        `Search is not available: ${error instanceof Error ? error.message : String(error)}. ` +
        'It needs the site served over http (npm run preview), not opened as files.';
    });
  };

  const search = async (): Promise<void> => {
    const current = ++run;
    visibility?.disconnect();
    waiting.clear();
    const { term, options } = toSearch(state);
    if (term === '') {
      status.textContent = 'Type a word, an id or a name; or pick a filter.';
      list.replaceChildren();
      more.hidden = true;
      filtersBox.replaceChildren();
      root.dataset.state = 'idle';
      if (!panel.open) return;
      const instance = await pagefind();
      if (current === run) renderFilters(await instance.filters(), {});
      return;
    }
    status.textContent = 'Searching…';
    root.dataset.state = 'searching';
    const instance = await pagefind();
    const response = await instance.search(term, options);
    if (current !== run) return;
    shown = { results: response.results, count: response.results.length, query: state.q };
    list.replaceChildren();
    await showMore(current);
    if (current !== run) return;
    const n = response.results.length;
    status.textContent = `${n === 0 ? 'No' : n.toLocaleString('en')} ${n === 1 ? 'cable matches' : 'cables match'}${state.q ? ` “${state.q}”` : ''}.`;
    renderFilters(response.filters, state.filters);
    root.dataset.state = 'done';
  };

  const showMore = async (current: number): Promise<void> => {
    const from = list.children.length;
    const page = shown.results.slice(from, from + pageSize);
    const placeholders = page.map(() => renderPlaceholder());
    list.append(...placeholders);
    more.hidden = list.children.length >= shown.count;
    const fill = async (result: Result, placeholder: HTMLLIElement): Promise<void> => {
      const fragment = await result.data();
      if (current === run) placeholder.replaceWith(renderResult(viewResult(fragment, shown.query)));
    };
    page.slice(eagerResults).forEach((result, index) => {
      const placeholder = placeholders[eagerResults + index] as HTMLLIElement;
      whenVisible(placeholder, () => void fill(result, placeholder).catch(() => undefined));
    });
    await Promise.all(page.slice(0, eagerResults).map((result, index) => fill(result, placeholders[index] as HTMLLIElement)));
  };

  const renderFilters = (counts: FilterCounts, selected: Partial<Record<FilterName, string[]>>): void => {
    const groups = filterNames.map((name) => {
      const chosen = selected[name] ?? [];
      const values = Object.entries(counts[name] ?? {})
        .filter(([value, count]) => count > 0 || chosen.includes(value))
        .sort(([a, x], [b, y]) => (name === 'year' ? b.localeCompare(a) : y - x || a.localeCompare(b)));
      const fieldset = document.createElement('fieldset');
      fieldset.className = 'search-filter';
      const legend = document.createElement('legend');
      legend.textContent = filterLabels[name];
      fieldset.append(legend);
      const visible = expanded.has(name) ? values : values.filter(([value], index) => index < shownValues || chosen.includes(value));
      for (const [value, count] of visible) {
        const label = document.createElement('label');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.name = name;
        box.value = value;
        box.checked = chosen.includes(value);
        const text = document.createElement('span');
        text.textContent = value;
        const number = document.createElement('span');
        number.className = 'search-filter-count';
        number.textContent = count.toLocaleString('en');
        label.append(box, ' ', text, ' ', number);
        fieldset.append(label);
      }
      if (values.length > visible.length) {
        const all = document.createElement('button');
        all.type = 'button';
        all.className = 'search-filter-all';
        all.textContent = `All ${values.length.toLocaleString('en')}`;
        all.addEventListener('click', () => {
          expanded.add(name);
          renderFilters(counts, selected);
        });
        fieldset.append(all);
      }
      return values.length > 0 ? fieldset : null;
    });
    filtersBox.replaceChildren(...groups.filter((group) => group !== null));
  };

  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => update({ ...state, q: input.value.trim() }), 180);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typing);
    update({ ...state, q: input.value.trim() }, { push: true });
  });
  sort.addEventListener('change', () =>
    update({ ...state, sort: readState(new URLSearchParams({ sort: sort.value })).sort }, { push: true }),
  );
  filtersBox.addEventListener('change', (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || !filterNames.includes(box.name as FilterName)) return;
    const name = box.name as FilterName;
    const values = state.filters[name].filter((value) => value !== box.value);
    if (box.checked) values.push(box.value);
    update({ ...state, filters: { ...state.filters, [name]: values } }, { push: true });
  });
  more.addEventListener('click', () => void showMore(run));
  panel.addEventListener('toggle', () => {
    if (panel.open && filterCounts === undefined) runSearch();
  });
  window.addEventListener('popstate', () => {
    state = readState(new URLSearchParams(location.search));
    fillForm();
    runSearch();
  });

  fillForm();
  if (hasFilters(state)) panel.open = true;
  runSearch();
}
