export { parseCable } from './parse.ts';
export type { Cable, ParseOptions, ParseResult } from './parse.ts';
export {
  parseClassifiedBy,
  parseDeclassification,
  parseReasons,
  parseSigners,
  parseSubject,
  parseSummary,
  parseTags,
} from './fields.ts';
export { parseReferences } from './references.ts';
export { parseInfoRecipients, parseRecipients } from './recipients.ts';
export { canonicalizeId } from './stations.ts';
export { renderCable } from './render.ts';
export type { Heading, Paragraph, RenderedCable, RenderOptions } from './render.ts';
export { formatMessage } from './messages.ts';
export type { Message } from './messages.ts';
export * from './schema.ts';
export { decodeCable, MAX_CABLE_BYTES } from './decode.ts';
export type { DecodeResult } from './decode.ts';
