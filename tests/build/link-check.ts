/**
 * A link check over a built site: every internal `href` and `src` in every HTML page must name
 * a file that exists in the output, and every `#fragment` an id on the page it points to.
 * Usable on any build: `checkLinks('dist')`.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

export interface BrokenLink {
  /** The page holding the link, relative to the output folder. */
  page: string;
  href: string;
  reason: string;
}

export interface LinkReport {
  pages: number;
  /** Internal links checked, fragments included. */
  links: number;
  broken: BrokenLink[];
}

/** Checks every page of the built site in `dir`. */
export async function checkLinks(dir: string): Promise<LinkReport> {
  const root = path.resolve(dir);
  const pages = (await listFiles(root)).filter((file) => file.endsWith('.html'));
  const scanned = new Map<string, { ids: Set<string>; links: string[] }>();
  for (const page of pages) scanned.set(page, scanPage(await readFile(page, 'utf8')));
  const exists = memoize((file: string) =>
    stat(file).then(
      (info) => info.isFile(),
      () => false,
    ),
  );
  const report: LinkReport = { pages: pages.length, links: 0, broken: [] };
  for (const [page, { links }] of scanned) {
    for (const href of new Set(links)) {
      if (isExternal(href)) continue;
      report.links++;
      const reason = await checkLink(root, page, href, scanned, exists);
      if (reason) report.broken.push({ page: path.relative(root, page), href, reason });
    }
  }
  return report;
}

async function checkLink(
  root: string,
  page: string,
  href: string,
  scanned: Map<string, { ids: Set<string> }>,
  exists: (file: string) => Promise<boolean>,
): Promise<string | null> {
  const [target = '', fragment] = href.split('#', 2) as [string, string | undefined];
  const pathPart = target.split('?')[0]!;
  let file = page;
  if (pathPart !== '') {
    const decoded = safeDecode(pathPart);
    if (decoded === null) return 'path is not valid percent-encoding';
    const absolute = decoded.startsWith('/') ? path.join(root, decoded) : path.resolve(path.dirname(page), decoded);
    if (!absolute.startsWith(root)) return 'points outside the site';
    file = decoded.endsWith('/') ? path.join(absolute, 'index.html') : absolute;
    if (!(await exists(file))) {
      const asFolder = path.join(absolute, 'index.html');
      if (decoded.endsWith('/') || !(await exists(asFolder))) return `no file ${path.relative(root, file)}`;
      file = asFolder;
    }
  }
  if (fragment === undefined || fragment === '' || fragment === 'top') return null;
  const ids = scanned.get(file)?.ids;
  if (!ids) return `#${fragment} points into ${path.relative(root, file)}, which is not an HTML page`;
  const id = safeDecode(fragment) ?? fragment;
  return ids.has(id) ? null : `no id "${id}" on ${path.relative(root, file)}`;
}

/** The ids a page defines and the links it makes, scripts and comments left out. */
function scanPage(html: string): { ids: Set<string>; links: string[] } {
  const markup = html.replace(/<script\b[\s\S]*?<\/script>|<!--[\s\S]*?-->/gi, '');
  const ids = new Set<string>();
  const links: string[] = [];
  for (const tag of markup.matchAll(/<[a-zA-Z][^>]*>/g)) {
    for (const [, name, quoted, single, bare] of tag[0].matchAll(/\s(id|name|href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi)) {
      const value = decodeEntities(quoted ?? single ?? bare ?? '');
      const attribute = name!.toLowerCase();
      if (attribute === 'id' || (attribute === 'name' && tag[0].startsWith('<a'))) ids.add(value);
      else if (attribute === 'href' || attribute === 'src') links.push(value);
    }
  }
  return { ids, links };
}

function isExternal(href: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//');
}

function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (named[body] !== undefined) return named[body]!;
    if (body.startsWith('#x') || body.startsWith('#X')) return String.fromCodePoint(Number.parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(Number(body.slice(1)));
    return entity;
  });
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

function memoize<T>(compute: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const cache = new Map<string, Promise<T>>();
  return (key) => {
    let value = cache.get(key);
    if (!value) {
      value = compute(key);
      cache.set(key, value);
    }
    return value;
  };
}
