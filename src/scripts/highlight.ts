/**
 * Marks the searched words on a cable page reached from a search result
 * (`/cables/<ID>/?highlight=Lavrov&highlight=ASRC#par3`), then brings the target paragraph back
 * into view. Loaded by src/components/SiteSearch.astro only when the URL asks for it.
 */

export function highlightFromUrl(): number {
  const words = new URLSearchParams(location.search)
    .getAll('highlight')
    .map((word) => word.trim())
    .filter(Boolean);
  const body = document.querySelector('.cable-body');
  if (words.length === 0 || !body) return 0;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${words.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  let count = 0;
  for (const node of textNodes(body)) count += markMatches(node, pattern);
  if (location.hash) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView({ block: 'start' });
  return count;
}

function markMatches(node: Text, pattern: RegExp): number {
  const text = node.data;
  pattern.lastIndex = 0;
  const parts: (string | HTMLElement)[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    const mark = document.createElement('mark');
    mark.className = 'search-hit';
    mark.textContent = match[0];
    parts.push(mark);
    last = match.index + match[0].length;
  }
  if (parts.length === 0) return 0;
  if (last < text.length) parts.push(text.slice(last));
  node.replaceWith(...parts);
  return parts.filter((part) => typeof part !== 'string').length;
}

function textNodes(root: Element): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement?.closest('a.par-link, a.par-anchor')) nodes.push(node as Text);
  }
  return nodes;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
