/**
 * The Pagefind index over the cable pages only (dist/cables/<ID>/index.html), written to
 * dist/pagefind/. Index, tag and list pages are not search results. What a cable page gives
 * Pagefind (body, title, metadata, filters, sort key) is marked up in src/pages/cables/[id].astro
 * and src/components/SearchFacets.astro; every block of its body has an id, which Pagefind keeps
 * as an anchor with its word position (src/lib/search/hit.ts turns those into paragraph hits).
 */
import * as pagefind from 'pagefind';

export interface IndexOutcome {
  pages: number;
}

export async function indexCables(distDir: string): Promise<IndexOutcome> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: distDir, glob: 'cables/*/index.html' });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index the cable pages: ${added.errors.slice(0, 5).join('; ')}`);
    const written = await index.writeFiles({ outputPath: `${distDir.replace(/\/$/, '')}/pagefind` });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}
