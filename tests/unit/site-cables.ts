/** The default collection (`cables/`) parsed with the pure parser, newest first, as the site's indexes see it. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type CableFrontmatter, decodeCable, parseCable } from '../../src/lib/cable/index.ts';
import { compareNewestFirst } from '../../src/lib/site/records.ts';

export interface ParsedRecord {
  id: string;
  data: CableFrontmatter;
}

let cached: ParsedRecord[] | undefined;

export function readDefaultCables(dir = 'cables'): ParsedRecord[] {
  cached ??= readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .flatMap((name) => {
      const decoded = decodeCable(readFileSync(path.join(dir, name)), { path: name });
      const cable = decoded.text === null ? null : parseCable(decoded.text, { path: name }).cable;
      return cable ? [{ id: cable.frontmatter.canonicalId, data: cable.frontmatter }] : [];
    })
    .sort(compareNewestFirst);
  return cached;
}

/** The "REF cross-links inside the sample" table of `cables/README.md`: [citing, cited] pairs. */
export function readReferencePairs(readme = 'cables/README.md'): [string, string][] {
  const text = readFileSync(readme, 'utf8');
  const section = text.slice(text.indexOf('## REF cross-links'), text.indexOf('## Files'));
  return [...section.matchAll(/^\| (\w+) \| `[^`]+` \| (\w+) \|$/gm)].map((match) => [match[1]!, match[2]!]);
}
