/**
 * The YAML frontmatter of a cable's `.md` download. Each field is a line of its own with its value
 * written as JSON, which YAML 1.2 reads as the same value (JSON is YAML's flow style), so any
 * YAML reader gets back exactly the frontmatter. Building a YAML document with `yaml`'s
 * `stringify` took a fifth of the loader's time at 10,000 cables.
 */

/**
 * Characters JSON leaves as they are but a YAML stream may not hold (DEL, C1 controls but NEL,
 * U+FFFE and U+FFFF): written as escapes, which a YAML double-quoted string reads like JSON's.
 */
const notYamlPrintable = /[\u007f-\u0084\u0086-\u009f\ufffe\uffff]/g;

/** `key: <JSON>` lines for every field that has a value, in order, between `---` lines. */
export function toFrontmatter(data: Record<string, unknown>): string {
  const lines = Object.entries(data)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${JSON.stringify(value).replace(notYamlPrintable, escapeCharacter)}`);
  return `---\n${lines.join('\n')}\n---\n`;
}

function escapeCharacter(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
