/**
 * The shape of a parsed cable: one zod schema per concept, `z.infer` for the types.
 * The content collection validates frontmatter with `cableFrontmatter`, so each field
 * is documented once, here.
 */
import { z } from 'zod';

/** The six classifications of the release, as written on line 4 of a cable file. */
export const classifications = [
  'UNCLASSIFIED',
  'UNCLASSIFIED//FOR OFFICIAL USE ONLY',
  'CONFIDENTIAL',
  'CONFIDENTIAL//NOFORN',
  'SECRET',
  'SECRET//NOFORN',
] as const;

export const classification = z.enum(classifications);
export type Classification = z.infer<typeof classification>;

/** One addressee of a routing block: `RUEHC/SECSTATE WASHDC IMMEDIATE 4696`. */
export const recipient = z.object({
  /** Routing indicator before the slash (`RUEHC`), null when the line has none. */
  route: z.string().nullable(),
  /** Addressee as written (`SECSTATE WASHDC`). */
  name: z.string(),
  /** Precedence for this addressee (`IMMEDIATE`, `PRIORITY`, `ROUTINE`, `FLASH`). */
  precedence: z.string().nullable(),
  /** Message control number that follows the precedence (`4696`). */
  mcn: z.string().nullable(),
});
export type Recipient = z.infer<typeof recipient>;

/** One entry of a REF block: `A. 08 PARIS 567`. */
export const reference = z.object({
  /** Letter of the entry (`A`), absent for a single unlettered reference. */
  label: z.string().optional(),
  /** The entry as written, whitespace collapsed. */
  text: z.string(),
  /** Canonical reference id of the cited cable (`08PARIS567`) when the entry names one. */
  id: z.string().optional(),
});
export type Reference = z.infer<typeof reference>;

export const cableFrontmatter = z.object({
  /** Reference id as published on line 1 (`09USOSCE147`, or a malformed one as released). */
  id: z.string(),
  /** Canonical reference id (`08ECTION01OF02MANAMA492` → `08MANAMA492`); URLs use it. */
  canonicalId: z.string(),
  /** Full subject: the body's SUBJECT line when line 2 of the file is truncated. */
  subject: z.string(),
  /** Date created, ISO 8601: `2009-06-23T16:29:00Z` when the date-time group gives the time, else `2009-06-23`. */
  date: z.string(),
  classification,
  /** Sending post as listed (`Embassy Harare`, `Mission USOSCE`). */
  origin: z.string(),
  /** TAGS codes, upper case, in order, de-duplicated. */
  tags: z.array(z.string()),
  /** Codes of the TAGS line corrected for a typo, as written (`MOPPS` filed under MOPS); absent when none was. */
  tagCorrections: z.array(z.object({ written: z.string(), tag: z.string() })).optional(),
  /** The FM line of the routing block (`USMISSION USOSCE`). */
  from: z.string().nullable(),
  to: z.array(recipient),
  info: z.array(recipient),
  /** Precedence of the transmission (`PRIORITY`, `IMMEDIATE` …) from the routing block. */
  precedence: z.string().nullable(),
  /** Handling caveats found around the banner: `SENSITIVE`, `SIPDIS`, `NOFORN`, `EXDIS` … */
  caveats: z.array(z.string()),
  /** The E.O. 12958 line as written after its label (`N/A`, `DECL: 06/23/2019 …`). */
  eo: z.string().nullable(),
  /** Declassification date from the E.O. line, `YYYY-MM-DD`, null for `N/A`, `OADR`, `X1` … */
  declassify: z.string().nullable(),
  /** People named after `Classified By:`, as written. */
  classifiedBy: z.array(z.string()),
  /** Classification reasons (`1.4 (b) and (d)`). */
  reasons: z.string().nullable(),
  references: z.array(reference),
  /** Text between `Summary:` and `End summary.`, whitespace collapsed. */
  summary: z.string().nullable(),
  /** Signature name(s) at the end of the body. */
  signers: z.array(z.string()),
  /** Section count from the banner (`SECTION 01 OF 05` → 5); 1 for a single-section cable. */
  sections: z.number().int().positive(),
  /** Transmission id from the routing block (`VZCZCXRO7042`). */
  transmissionId: z.string().nullable(),
  /** Whether the release holds only a partial extract of the original cable. */
  isPartial: z.boolean(),
});
export type CableFrontmatter = z.infer<typeof cableFrontmatter>;

/**
 * What the content data store keeps of a cable: its frontmatter without the INFO addressees and
 * the summary. They are the two largest fields, nearly half of the store, and only the cable's
 * own page and the feed show them, reading them from the cable's export (src/loaders/bodies.ts).
 * Astro compiles the whole store as one string, in superlinear time: 104 s at 50,000 cables
 * (docs/scale.md).
 */
export const storedFrontmatter = cableFrontmatter.omit({ info: true, summary: true });
export type StoredFrontmatter = z.infer<typeof storedFrontmatter>;
