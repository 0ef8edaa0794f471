/**
 * Files put into the output without rewriting what is already there: the output folder may be
 * the last build's (src/integrations/output.ts), so a file that is already the right one is left.
 */
import { copyFile, link, readFile, stat, unlink, utimes, writeFile } from 'node:fs/promises';

/**
 * `from` as `to`: a hard link where the two share a disk (no bytes copied), a copy where they do
 * not. Only for files that are never rewritten in place: the loader's body files and the search
 * index are replaced by new files, so a link keeps what its build wrote. A link that is already
 * there is left; any other file at `to` is replaced, never written through. True when it wrote.
 */
export function linkOrCopy(from: string, to: string): Promise<boolean> {
  return put(from, to, { link: true });
}

/** A copy of `from` at `to` with its time, made again only when `from` changes size or time. True when it wrote. */
export function copyWithTime(from: string, to: string): Promise<boolean> {
  return put(from, to, { link: false });
}

async function put(from: string, to: string, { link: linked }: { link: boolean }): Promise<boolean> {
  const [source, target] = await Promise.all([stat(from), stat(to).catch(() => null)]);
  if (target && ((target.ino === source.ino && target.dev === source.dev) || sameCopy(source, target))) return false;
  // A new file, not the old one written through: it may be a link to another build's file.
  if (target) await unlink(to);
  const copy = async (): Promise<void> => {
    await copyFile(from, to);
    await utimes(to, source.atime, source.mtime);
  };
  await (linked ? link(from, to).catch(copy) : copy());
  return true;
}

/** `text` as the file `to`, in a new file (the old one may be a link to another build's file) unless it holds that already. True when it wrote. */
export async function replaceFile(to: string, text: string): Promise<boolean> {
  const old = await readFile(to, 'utf8').catch(() => null);
  if (old === text) return false;
  if (old !== null) await unlink(to);
  await writeFile(to, text);
  return true;
}

interface Stamp {
  size: number;
  mtimeMs: number;
}

function sameCopy(source: Stamp, target: Stamp): boolean {
  // Within a millisecond: a time set with utimes comes back rounded to the file system's precision.
  return source.size === target.size && Math.abs(source.mtimeMs - target.mtimeMs) < 1;
}
