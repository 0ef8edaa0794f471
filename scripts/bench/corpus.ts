/**
 * The cables a benchmark builds: N real cables from a source folder, spread over the whole
 * folder, and, when N is larger than the folder, distinct copies of real cables with new
 * reference ids. A copy keeps its file byte for byte except line 1 (the id) and the serial in
 * its classification banner and page-break lines, so it parses like the cable it came from.
 */
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { canonicalizeId } from '../../src/lib/cable/stations.ts';

export interface PreparedCables {
  dir: string;
  count: number;
  /** How many are copies with a new id. */
  copies: number;
  bytes: number;
}

/** Writes `count` cable files from `source` into the empty folder `dir`. */
export async function prepareCables(options: { source: string; dir: string; count: number }): Promise<PreparedCables> {
  const { source, dir, count } = options;
  const names = (await readdir(source)).filter((name) => name.endsWith('.txt')).sort();
  if (names.length === 0) throw new Error(`${source} holds no .txt cable files; pass --source <folder of cables>`);
  await mkdir(dir, { recursive: true });
  const originals = Math.min(count, names.length);
  const picked = Array.from({ length: originals }, (_, index) => names[Math.floor((index * names.length) / originals)]!);
  const used = new Set(names.map((name) => canonicalizeId(name.slice(0, -4))));
  let bytes = 0;
  for (const name of picked) {
    await copyFile(path.join(source, name), path.join(dir, name));
    bytes += (await readFile(path.join(dir, name))).length;
  }
  let copies = 0;
  for (let round = 1; originals + copies < count; round++) {
    for (const name of names) {
      if (originals + copies >= count) break;
      const text = await readFile(path.join(source, name), 'latin1');
      const copy = renameCable(text, round, used);
      if (!copy) continue;
      await writeFile(path.join(dir, `${copy.id}.txt`), copy.text, 'latin1');
      bytes += copy.text.length;
      copies++;
    }
    if (round > 1000) throw new Error(`could not make ${count} distinct cables from ${source}`);
  }
  return { dir, count: originals + copies, copies, bytes };
}

/**
 * A copy of `text` under a new, unused id: same year and station, another serial (at most six
 * digits, as banners write them), rewritten in line 1 and in every zero-padded serial after it.
 */
function renameCable(text: string, round: number, used: Set<string>): { id: string; text: string } | null {
  const lineEnd = text.indexOf('\n');
  const id = text.slice(0, lineEnd).trim();
  const match = /^(\d{2}.*?[A-Z])0*(\d{1,6})$/.exec(id);
  if (!match) return null;
  const [, prefix = '', serialText = ''] = match;
  const serial = Number(serialText);
  let next = (serial + round * 104_729) % 1_000_000;
  for (let tries = 0; tries < 1_000_000; tries++, next = (next + 1) % 1_000_000) {
    if (next === 0 || used.has(canonicalizeId(`${prefix}${next}`))) continue;
    const newId = `${prefix}${next}`;
    used.add(canonicalizeId(newId));
    // A zero-padded serial after a word, as in `USOSCE 000147` or a page break `NEW DELHI 00009527  002 OF 004`.
    const padded = new RegExp(`(?<=[A-Z.'-] )(0+${serial})(?=\\s|$)`, 'g');
    const body = text.slice(lineEnd).replace(padded, (found) => String(next).padStart(found.length, '0'));
    return { id: newId, text: newId + body };
  }
  return null;
}

/** Changes one word at the end of one cable, as an editor fixing a typo would; returns the file. */
export async function touchOneCable(dir: string): Promise<string> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.txt')).sort();
  const file = path.join(dir, names[Math.floor(names.length / 2)]!);
  const text = await readFile(file, 'latin1');
  await writeFile(file, `${text} (edited ${new Date().toISOString()})`, 'latin1');
  return file;
}
