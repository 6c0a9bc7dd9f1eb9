/**
 * Container text printed by the console and the CLI cannot drive the terminal (issue 13:
 * ESC sequences from container logs reached the console raw).
 */
import { describe, expect, it } from 'vitest';
import { renderJson, renderText } from '../../src/cli/render.ts';
import type { Reply } from '../../src/core/reply.ts';
import { escapeJsonControls, terminalSafe } from '../../src/core/terminal-text.ts';

const ESC = '\x1b';
/** Anything a terminal acts on, besides tab and newline. */
// eslint-disable-next-line no-control-regex -- the test looks for control characters
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

describe('terminalSafe', () => {
  it('removes escape sequences: colours, cursor moves, screen clears, titles, hyperlinks, resets', () => {
    expect(terminalSafe(`${ESC}[31mred${ESC}[0m`)).toBe('red');
    expect(terminalSafe(`a${ESC}[2J${ESC}[Hb`)).toBe('ab');
    expect(terminalSafe(`${ESC}[?25l${ESC}[1;31;4mx`)).toBe('x');
    expect(terminalSafe(`${ESC}]0;pwned title\x07after`)).toBe('after');
    expect(terminalSafe(`${ESC}]8;;https://evil.example${ESC}\\click${ESC}]8;;${ESC}\\`)).toBe('click');
    expect(terminalSafe(`${ESC}Pq#0;2;0;0;0${ESC}\\x`)).toBe('x');
    expect(terminalSafe(`${ESC}cafter reset`)).toBe('after reset');
    expect(terminalSafe(`${ESC}(Bx`)).toBe('x');
    expect(terminalSafe('\x9b31mx\x9b0m')).toBe('x');
    expect(terminalSafe('\x9d0;title\x07x')).toBe('x');
  });

  it('shows every other control character as a visible escape', () => {
    expect(terminalSafe('bell\x07 back\x08space nul\x00')).toBe('bell\\x07 back\\x08space nul\\x00');
    expect(terminalSafe('progress 10%\rprogress 90%')).toBe('progress 10%\\rprogress 90%');
    expect(terminalSafe('del\x7f c1\x85')).toBe('del\\x7f c1\\x85');
    expect(terminalSafe('user \u202egnp.exe')).toBe('user \\u202egnp.exe');
    expect(terminalSafe('\u2066isolate\u2069')).toBe('\\u2066isolate\\u2069');
    // An ESC that starts no well-formed sequence, or a string never terminated.
    expect(terminalSafe(`${ESC}[12`)).toBe('\\x1b[12');
    expect(terminalSafe(`${ESC}]0;no end`)).toBe('\\x1b]0;no end');
    expect(terminalSafe(ESC)).toBe('\\x1b');
  });

  it('keeps newlines, tabs, CR LF (as LF) and every printable character', () => {
    expect(terminalSafe('a\tb\nc\r\nd')).toBe('a\tb\nc\nd');
    const printable = '컨테이너 ✓ 🐳 日本語 ÄÖÜ `code` **bold** <>&"\' \u200b';
    expect(terminalSafe(printable)).toBe(printable);
  });

  it('never leaves a control character, and stays linear on long hostile text', () => {
    const hostile = [`${ESC}]`, `${ESC}[`, ESC, '\x9b', '\x9d', '\x07', '\x9c', '\r', '\u202e', 'a', '1', ';', '\\'];
    let text = '';
    for (let i = 0; text.length < 200_000; i++) text += hostile[(i * 31) % hostile.length] ?? '';
    expect(terminalSafe(text)).not.toMatch(CONTROL);
    expect(terminalSafe(`${ESC}]`.repeat(100_000))).toBe('\\x1b]'.repeat(100_000));
  });
});

describe('CLI and console output', () => {
  const hostile: Reply = {
    title: `logs ${ESC}]0;title\x07`,
    text: `line ${ESC}[2J`,
    fields: [{ name: `f${ESC}[H`, value: `v\u202e` }],
    code: [{ title: 'logs', content: `${ESC}[31merror${ESC}[0m\nok\x07\n\x9b2J` }],
    findings: [
      {
        code: 'exited',
        severity: 'error',
        title: 't',
        detail: `d${ESC}c`,
        evidence: [`e${ESC}[1A`],
        next: 'n',
        refs: [],
      },
    ],
    footer: `\x1b[5mblink`,
    data: { lines: [`${ESC}[31mred\u202e\x85`] },
  };

  it('text has no control characters from the reply (colour off)', () => {
    const text = renderText(hostile, { color: false });
    expect(text).not.toMatch(CONTROL);
    expect(text).toContain('error');
    expect(text).toContain('ok\\x07');
  });

  it('with colour on, the only escapes are dockhand’s own bold and dim', () => {
    const text = renderText(hostile, { color: true });
    // eslint-disable-next-line no-control-regex -- the test looks for escape sequences
    const withoutOwn = text.replace(/\x1b\[(?:1|2|22)m/g, '');
    expect(withoutOwn).not.toMatch(CONTROL);
  });

  it('--json escapes every control character and parses back to the same text', () => {
    const json = renderJson(hostile);
    expect(json).not.toMatch(CONTROL);
    expect((JSON.parse(json) as { lines: string[] }).lines[0]).toBe(`${ESC}[31mred\u202e\x85`);
    expect(escapeJsonControls(JSON.stringify('\u2028\x7f'))).toBe('"\\u2028\\u007f"');
  });
});
