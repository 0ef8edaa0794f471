/** Meanings of TAGS codes, from the glossary in `src/data/tags.json`, and the tags that go together. */
import glossary from '../../data/tags.json' with { type: 'json' };
import { countBy } from './groups.ts';
import type { CableRecord } from './records.ts';

export type TagKind = 'subject' | 'geographic' | 'program' | 'organization' | 'person' | 'other';

export interface TagMeaning {
  name: string;
  kind: TagKind;
  uncertain?: boolean;
}

/** The kinds in the order the tags index lists them, with their headings; `unknown` is a code the glossary lacks. */
export const tagKinds: readonly { kind: TagKind | 'unknown'; heading: string; blurb: string }[] = [
  {
    kind: 'subject',
    heading: 'Subjects',
    blurb: 'The four-letter subject tags: P… political, E… economic, M… military, S… social, and so on.',
  },
  { kind: 'geographic', heading: 'Countries and regions', blurb: 'Two-letter country codes and the X…/Z… region codes.' },
  { kind: 'program', heading: 'Programs', blurb: 'The K… program tags.' },
  { kind: 'organization', heading: 'Organizations', blurb: 'International organizations, agencies and parties.' },
  { kind: 'person', heading: 'People', blurb: 'Person tags, as the drafters wrote them.' },
  { kind: 'other', heading: 'Other codes', blurb: 'Typos, codes run together, office abbreviations and free-text keywords.' },
  { kind: 'unknown', heading: 'Unknown codes', blurb: 'Codes the glossary does not know; their meaning is unknown.' },
];

const entries = glossary as Record<string, TagMeaning>;

/** The meaning of a tag code, or null when the glossary does not know it. */
export function describeTag(tag: string): TagMeaning | null {
  return Object.hasOwn(entries, tag) ? entries[tag]! : null;
}

/** The tags that most often appear on the same cables as `tag`, with how many cables they share. */
export function rankCompanionTags(cables: readonly CableRecord<'tags'>[], tag: string, limit = 12): [string, number][] {
  return countBy(cables, (cable) => new Set(cable.data.tags.filter((other) => other !== tag))).slice(0, limit);
}
