/** Meanings of TAGS codes, from the glossary in `src/data/tags.json`. */
import glossary from '../../data/tags.json' with { type: 'json' };

export type TagKind = 'subject' | 'geographic' | 'program' | 'organization' | 'person' | 'other';

export interface TagMeaning {
  name: string;
  kind: TagKind;
  uncertain?: boolean;
}

const entries = glossary as Record<string, TagMeaning>;

/** The meaning of a tag code, or null when the glossary does not know it. */
export function describeTag(tag: string): TagMeaning | null {
  return Object.hasOwn(entries, tag) ? entries[tag]! : null;
}
