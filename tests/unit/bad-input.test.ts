/**
 * Bad files get a clear message naming the line, the problem and what to do; files that
 * are only unusual (CRLF, a BOM, Windows-1252 bytes) just work.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeCable, MAX_CABLE_BYTES, type Message, parseCable } from '../../src/lib/cable/index.ts';
import { expectCase } from '../helpers/fixtures.ts';

const root = 'tests/fixtures/bad';

function read(bytes: Uint8Array, file = 'input.txt'): { messages: Message[]; cable: ReturnType<typeof parseCable>['cable'] } {
  const decoded = decodeCable(bytes, { path: file });
  if (decoded.text === null) return { messages: decoded.messages, cable: null };
  const parsed = parseCable(decoded.text, { path: file });
  return { messages: [...decoded.messages, ...parsed.messages], cable: parsed.cable };
}

const cases = readdirSync(root).sort();

describe('bad cable files', () => {
  for (const name of cases) {
    it(name, () => {
      const dir = path.join(root, name);
      const input = readdirSync(dir).find((file) => file.startsWith('input.'))!;
      const { messages, cable } = read(readFileSync(path.join(dir, input)), input);
      for (const message of messages) {
        expect(message.file).toBe(input);
        expect(message.line).toBeGreaterThanOrEqual(1);
        expect(message.column).toBeGreaterThanOrEqual(1);
        expect(message.ruleId).toMatch(/^cable\/[a-z0-9-]+$/);
        expect(message.reason.length).toBeGreaterThan(20);
      }
      expectCase(dir, {
        page: cable !== null,
        subject: cable?.frontmatter.subject ?? null,
        messages: messages.map(({ line, column, fatal, ruleId, reason }) => ({ line, column, fatal, ruleId, reason })),
      });
    });
  }

  it('reads CRLF line endings and a BOM exactly like the plain file', () => {
    const plain = read(readFileSync('cables/09USOSCE147.txt'));
    const windows = read(readFileSync(path.join(root, 'crlf-and-bom/input.txt')));
    expect(windows.messages).toEqual([]);
    expect(windows.cable).toEqual(plain.cable);
  });

  it('decodes Windows-1252 bytes and says so', () => {
    const { messages, cable } = read(readFileSync(path.join(root, 'windows-1252/input.txt')));
    expect(messages.map((message) => message.ruleId)).toContain('cable/decoded-windows-1252');
    expect(cable!.frontmatter.subject).toContain('CAFÉ “QUOTED” TALKS');
    expect(cable!.markdown).toContain('¶1. (C) The minister’s view.');
  });

  it('refuses a file larger than any cable, naming its size', () => {
    const bytes = new Uint8Array(20 * 1024 * 1024).fill(65);
    const { messages, cable } = read(bytes, 'huge.txt');
    expect(cable).toBeNull();
    expect(messages).toEqual([expect.objectContaining({ ruleId: 'cable/too-large', fatal: true, line: 1 })]);
    expect(messages[0]!.reason).toMatch(/20\.0 MB/);
    expect(bytes.length).toBeGreaterThan(MAX_CABLE_BYTES);
  });

  it('keeps every problem of a file, not just the first', () => {
    const text = ['../x', 'SUBJECT', 'not a date', 'MOSTLY SECRET', 'Embassy Nowhere', 'text'].join('\n');
    const rules = read(new TextEncoder().encode(text)).messages.map((message) => message.ruleId);
    expect(rules).toEqual(['cable/bad-id', 'cable/bad-date', 'cable/unknown-classification']);
  });
});
