/**
 * A rebuild in the last build's output folder (src/integrations/output.ts): after cables change,
 * are removed and are added, the folder holds exactly what a clean build of the same cables into
 * an empty folder gives, byte for byte, but for the search index, which may keep its part and add
 * a delta of the changed cables (src/lib/search/delta.ts; that it finds what a clean index finds
 * is tests/e2e/search-delta.test.ts); and a folder whose last build did not finish is not trusted.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, copySample, sampleCables } from '../helpers/builds.ts';

const work = mkdtempSync(path.join(tmpdir(), 'cables-incremental-'));
const cables = path.join(work, 'cables');
const [edited, removed, added] = [sampleCables[3], sampleCables[7], sampleCables[20]] as [string, string, string];

const build = (outDir: string, cacheDir: string): Promise<string> => buildSite({ cables, outDir, cacheDir });

/** The search index, and what is made from it: the offline worker, its file list, the index's size on the search page. */
const fromTheIndex = /^(pagefind\/|sw\.js$|offline\.json$)/;

/** Every file of a built site and its bytes, but the build's own id and the search index. */
function files(dir: string): Map<string, string> {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  const found = new Map<string, string>();
  for (const entry of entries) {
    const file = path.relative(dir, path.join(entry.parentPath, entry.name));
    if (file === '.cables-build' || fromTheIndex.test(file)) continue;
    const text = readFileSync(path.join(dir, file), 'utf8');
    found.set(file, file === path.join('search', 'index.html') ? text.replace(/data-offline-bytes="\d+"/, '') : text);
  }
  return new Map([...found].sort(([a], [b]) => (a < b ? -1 : 1)));
}

const id = (name: string): string => name.replace(/\.txt$/, '');
let rebuildLog = '';

beforeAll(async () => {
  copySample(sampleCables.slice(0, 12), cables);
  await build(path.join(work, 'dist'), path.join(work, 'cache'));

  const text = readFileSync(path.join(cables, edited), 'utf8');
  // An edit of the cable's own SUBJECT line (below the five metadata lines): its page, and the lists that show it, change.
  const changed = text.replace(/(\nSUBJECT:.*)/, '$1 (REBUILT)');
  expect(changed).not.toBe(text);
  writeFileSync(path.join(cables, edited), changed);
  rmSync(path.join(cables, removed));
  cpSync(path.join('cables', added), path.join(cables, added));
  rebuildLog = await build(path.join(work, 'dist'), path.join(work, 'cache'));
  await build(path.join(work, 'clean'), path.join(work, 'clean-cache'));
});

describe('a rebuild in the last build’s output', () => {
  it('keeps the folder in place and writes only what changed', () => {
    expect(rebuildLog).toContain('the output of the last build is kept in place');
    expect(rebuildLog).toMatch(/deleted \d+ files of the last build that this one does not have/);
    expect(rebuildLog).toMatch(/kept from the last build/);
  });

  it('gives the same files, byte for byte, as a clean build', () => {
    const rebuilt = files(path.join(work, 'dist'));
    const clean = files(path.join(work, 'clean'));
    expect([...rebuilt.keys()]).toEqual([...clean.keys()]);
    const differing = [...clean].filter(([file, bytes]) => rebuilt.get(file) !== bytes).map(([file]) => file);
    expect(differing).toEqual([]);
  });

  it('shows the edit, has the added cable and nothing left of the removed one', () => {
    const site = files(path.join(work, 'dist'));
    expect(readFileSync(path.join(work, 'dist', 'cables', id(edited), 'index.html'), 'utf8')).toContain('(REBUILT)');
    expect(site.has(path.join('cables', id(added), 'index.html'))).toBe(true);
    expect([...site.keys()].filter((file) => file.includes(id(removed)))).toEqual([]);
    expect(existsSync(path.join(work, 'dist', 'cables', id(removed))), 'its page folder').toBe(false);
  });

  it('does not trust a folder whose last build did not finish', async () => {
    const dist = path.join(work, 'dist');
    const page = path.join(dist, 'cables', id(edited), 'index.html');
    const before = readFileSync(page, 'utf8');
    // A build that stops half way leaves no build id, and may leave a page half written.
    rmSync(path.join(dist, '.cables-build'));
    writeFileSync(page, before.slice(0, 100));
    const log = await build(dist, path.join(work, 'cache'));
    expect(log).not.toContain('kept in place');
    expect(readFileSync(page, 'utf8')).toBe(before);
  });
});
