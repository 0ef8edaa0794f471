/**
 * Reading a built site in tests: the output folder (`dist`, or SITE_DIR for another build such
 * as the full corpus) and its pages as HTML trees to query with CSS selectors.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString as toText } from 'hast-util-to-string';

export const siteDir = process.env.SITE_DIR ?? 'dist';

/** Fails with a hint when the site has not been built. */
export function requireSite(): void {
  if (!existsSync(path.join(siteDir, 'index.html'))) {
    throw new Error(`${siteDir}/index.html is missing: build the site first (npm run build), or set SITE_DIR`);
  }
}

/** The file behind a site path: `/tags/PARM/` → `dist/tags/PARM/index.html`. */
export function fileOf(sitePath: string): string {
  return path.join(siteDir, sitePath.endsWith('/') ? `${sitePath}index.html` : sitePath);
}

export function readText(sitePath: string): string {
  return readFileSync(fileOf(sitePath), 'utf8');
}

export function readJson<T = unknown>(sitePath: string): T {
  return JSON.parse(readText(sitePath)) as T;
}

export function readPage(sitePath: string): Root {
  return fromHtml(readText(sitePath));
}

export function find(tree: Root | Element, selector: string): Element | undefined {
  return select(selector, tree);
}

export function findAll(tree: Root | Element, selector: string): Element[] {
  return selectAll(selector, tree);
}

/** Text of an element, whitespace collapsed. */
export function textOf(element: Element | undefined): string {
  return element ? toText(element).replace(/\s+/g, ' ').trim() : '';
}

export function hrefsOf(tree: Root | Element, selector: string): string[] {
  return findAll(tree, selector).map((link) => String(link.properties.href ?? ''));
}
