/**
 * Small text helpers every field reader needs. They run on every line of every cable, so
 * each is written to do as little work as the common case allows.
 */

/** `\s` spelled out, and the same without the plain space. */
const space = String.raw`\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff`;
const otherSpace = String.raw`\t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff`;

/**
 * Runs of whitespace, or one whitespace character that is not a space. `/\s+/g` would match
 * (and replace) every single space of a sentence; classes spelled out also run faster than `\s`,
 * and each branch opening with one class (a space, or another whitespace) is quicker to rule out.
 */
const spaceRunPattern = new RegExp(` [${space}]+|[${otherSpace}][${space}]*`, 'g');

/** Every run of whitespace as one space: the same as `text.replace(/\s+/g, ' ')`, faster. */
export function collapseSpaces(text: string): string {
  return text.replace(spaceRunPattern, ' ');
}

/** A CSV dump's doubled quotes (`an ""open mind""`) as one, as the cable wrote them. */
export function withSingleQuotes(text: string): string {
  return text.includes('""') ? text.replace(/""/g, '"') : text;
}

/** A character code of `\s`; the ASCII ones without a regular expression. */
export function isSpace(code: number): boolean {
  return code === 32 || (code < 128 ? code >= 9 && code <= 13 : /\s/.test(String.fromCharCode(code)));
}

/** A character's code, 0 outside the text: a read past either end makes V8's optimised code start over. */
export function codeAt(text: string, at: number): number {
  return at >= 0 && at < text.length ? text.charCodeAt(at) : 0;
}

/** Where the text starts after its leading whitespace; its length when it is blank. */
export function textStart(text: string): number {
  let at = 0;
  while (at < text.length && isSpace(text.charCodeAt(at))) at++;
  return at;
}

export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Whether a line holds only whitespace; most lines end in a letter and are told at once. */
export function isBlank(text: string): boolean {
  return text.length === 0 || (isSpace(text.charCodeAt(text.length - 1)) && text.trim() === '');
}

/**
 * A line without the `\` a CSV dump ends it with (and the spaces around it). The pattern is tried
 * at every character of the line, so it runs only on a line that holds a backslash.
 */
export function withoutEscape(line: string): string {
  return line.includes('\\') ? line.replace(/[ \t]*\\[ \t]*$/, '') : line;
}
