/**
 * A file put into the output as a hard link where the output shares its disk (no bytes copied),
 * as a copy where it does not. Only for files that are never rewritten in place: the loader's
 * body files and the search index are replaced by new files, so a link keeps what its build wrote.
 */
import { copyFile, link } from 'node:fs/promises';

export async function linkOrCopy(from: string, to: string): Promise<void> {
  await link(from, to).catch(() => copyFile(from, to));
}
