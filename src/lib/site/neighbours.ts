/** Previous and next cable from the same origin, by date: one pass over the cables, grouped by origin. */
import { type CableRecord, compareNewestFirst } from './records.ts';

export interface Neighbours {
  /** The cable sent just before this one from the same origin, if any. */
  previous: string | null;
  /** The cable sent just after this one from the same origin, if any. */
  next: string | null;
}

/** Id → its neighbours among the cables of its origin, ordered by date (ties by id). */
export function indexNeighbours(cables: readonly CableRecord<'date' | 'origin'>[]): Map<string, Neighbours> {
  const byOrigin = new Map<string, CableRecord<'date' | 'origin'>[]>();
  for (const cable of cables) {
    const group = byOrigin.get(cable.data.origin);
    if (group) group.push(cable);
    else byOrigin.set(cable.data.origin, [cable]);
  }
  const neighbours = new Map<string, Neighbours>();
  for (const group of byOrigin.values()) {
    group.sort(compareNewestFirst);
    group.forEach((cable, position) => {
      neighbours.set(cable.id, {
        previous: group[position + 1]?.id ?? null,
        next: group[position - 1]?.id ?? null,
      });
    });
  }
  return neighbours;
}
