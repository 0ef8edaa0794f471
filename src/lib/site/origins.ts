/** Kinds of sending post, for grouping the origins index: `Embassy Harare` is an embassy. */

export type OriginKind = 'embassy' | 'consulate' | 'mission' | 'washington' | 'other';

/** The kinds in the order the origins index lists them, with their headings. */
export const originKinds: readonly { kind: OriginKind; heading: string }[] = [
  { kind: 'embassy', heading: 'Embassies' },
  { kind: 'consulate', heading: 'Consulates' },
  { kind: 'mission', heading: 'Missions to international organizations' },
  { kind: 'washington', heading: 'Washington' },
  { kind: 'other', heading: 'Other posts' },
];

/** `Embassy Harare` → embassy; `USUN New York`, `Mission USNATO`, `UNVIE` → mission; `Secretary of State` → washington. */
export function classifyOrigin(origin: string): OriginKind {
  if (/^Embassy\b/i.test(origin)) return 'embassy';
  if (/^Consulate\b/i.test(origin)) return 'consulate';
  if (/^(?:US )?Mission\b|^US(?:UN|EU|NATO|OSCE)\b|^UNVIE\b/i.test(origin)) return 'mission';
  if (/^Secretary of State\b/i.test(origin)) return 'washington';
  return 'other';
}

/** `Embassy Harare` → `Harare`: the place, for lists already headed by the kind. */
export function shortenOrigin(origin: string): string {
  return origin.replace(/^(?:Embassy|Consulate)\s+/i, '') || origin;
}
