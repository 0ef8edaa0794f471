export type { DecodeResult } from './decode.ts';
export { decodeCable, MAX_CABLE_BYTES } from './decode.ts';
export {
  parseClassifiedBy,
  parseDeclassification,
  parseReasons,
  parseSigners,
  parseSubject,
  parseSummary,
  parseTags,
} from './fields.ts';
export type { Message } from './messages.ts';
export { formatMessage } from './messages.ts';
export type { Cable, ParseOptions, ParseResult } from './parse.ts';
export { parseCable } from './parse.ts';
export { parseAddressees, parseInfoRecipients, parseRecipients } from './recipients.ts';
export { parseReferences } from './references.ts';
export type { Heading, Paragraph, RenderedCable, RenderOptions } from './render.ts';
export { renderCable } from './render.ts';
export * from './schema.ts';
export type { SignerOptions } from './signers.ts';
export { canonicalizeId } from './stations.ts';
export type { TagCorrection, TagOptions } from './tags.ts';
