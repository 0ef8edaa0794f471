/**
 * "Cited by": which cables name a given cable in their REF lines. One pass over every
 * reference builds the reverse index; a page then reads its entry.
 */
import type { CableRecord } from './records.ts';

/** Cited id → ids of the cables in `cables` that cite it, in the order of `cables`, each once. */
export function indexCitations(cables: readonly CableRecord<'references'>[]): Map<string, string[]> {
  const known = new Set(cables.map((cable) => cable.id));
  const citedBy = new Map<string, string[]>();
  for (const cable of cables) {
    const cited = new Set(cable.data.references.map((reference) => reference.id));
    for (const id of cited) {
      if (id === undefined || id === cable.id || !known.has(id)) continue;
      const citing = citedBy.get(id);
      if (citing) citing.push(cable.id);
      else citedBy.set(id, [cable.id]);
    }
  }
  return citedBy;
}
