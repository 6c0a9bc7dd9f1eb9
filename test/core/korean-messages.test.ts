import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { particle, type Particle } from '../../src/core/korean-particles.ts';

/**
 * Every message dockhand builds, read from the source: the Korean text of string literals,
 * templates and `+` chains, with each interpolated value marked. Particles after a value must
 * come from src/core/korean-particles.ts (the value is only known when the message is built),
 * never as a `(으)로`-style fallback; particles after a fixed code span must fit its reading.
 */
const ROOT = join(import.meta.dirname, '../..');
const SOURCES = ['src', 'commands'];
const VALUE = '\ufffc';

interface Message {
  file: string;
  line: number;
  /** The text with every interpolated value as VALUE. */
  text: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Operands of a `+` chain, left to right. */
function concatenated(node: ts.Expression): ts.Expression[] {
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return [...concatenated(node.left), ...concatenated(node.right)];
  }
  if (ts.isParenthesizedExpression(node)) return concatenated(node.expression);
  return [node];
}

function textOf(node: ts.Expression): string {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    return node.head.text + node.templateSpans.map((span) => VALUE + span.literal.text).join('');
  }
  return VALUE;
}

function messages(): Message[] {
  const found: Message[] = [];
  for (const dir of SOURCES) {
    for (const path of sourceFiles(join(ROOT, dir))) {
      const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node, insideChain: boolean): void => {
        const isChain = ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken;
        const isText =
          ts.isStringLiteral(node) || ts.isTemplateExpression(node) || ts.isNoSubstitutionTemplateLiteral(node);
        if ((isChain || isText) && !insideChain) {
          const text = concatenated(node as ts.Expression)
            .map(textOf)
            .join('');
          if (/[\uac00-\ud7a3]/.test(text)) {
            const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
            found.push({ file: relative(ROOT, path), line, text });
          }
        }
        ts.forEachChild(node, (child) => {
          visit(child, isChain || (insideChain && ts.isParenthesizedExpression(node)));
        });
      };
      visit(source, false);
    }
  }
  return found;
}

const ALL = messages();
const where = (m: Message) => `${m.file}:${m.line}: ${m.text.replaceAll(VALUE, '${…}')}`;

/** `(으)로`, `을(를)`, `이(가)`, `은(는)`, `와(과)`, `이에요(예요)`, `(이)라`: a particle written both ways. */
const FALLBACK =
  /\((?:으|을|를|이|가|은|는|와|과|이에요|예요|이어야|여야)\)|(?:을|이|은|와|이에요)\((?:를|가|는|과|예요)\)/;

/** Particles that change with the word before them, longest first, and what may follow one. */
const VARIABLE = [
  '이에요',
  '예요',
  '이어야',
  '여야',
  '으로',
  '이었',
  '이라',
  '이나',
  '이랑',
  '이란',
  '이면',
  '이야',
  '이고',
  '을',
  '를',
  '이',
  '가',
  '은',
  '는',
  '와',
  '과',
  '로',
  '였',
  '라',
  '나',
  '랑',
  '란',
  '면',
  '야',
];
const PARTICLE_AFTER = new RegExp(`^(${VARIABLE.join('|')})(?=$|[^\\uac00-\\ud7a3]|의|는|도|만|서|써|부터|요)`);
/** What may stand between a value and its particle without being read (as korean-particles.ts skips it). */
const UNREAD = /[`'"’”>\]};:.,!?…*_~/\\|=-]/;

/** Index of the `(` that the `)` at `close` closes, or -1. */
function openingOf(text: string, close: number): number {
  let depth = 0;
  for (let i = close; i >= 0; i--) {
    if (text[i] === ')') depth++;
    else if (text[i] === '(' && --depth === 0) return i;
  }
  return -1;
}

/** Whether the word before `end` (a particle's position) ends in an interpolated value. */
function valueBefore(text: string, end: number): boolean {
  let i = end;
  while (i > 0 && UNREAD.test(text[i - 1] ?? '')) i--;
  if (text[i - 1] === ')') {
    const open = openingOf(text, i - 1);
    if (open <= 0) return text.slice(open + 1, i - 1).includes(VALUE);
    const before = text.slice(0, open).trimEnd();
    return valueBefore(text, before.length);
  }
  return text[i - 1] === VALUE;
}

describe('Korean particles in every message', () => {
  it('the scan reads the messages of the commands and the domain', () => {
    const files = new Set(ALL.map((m) => m.file));
    expect(files).toContain('src/diagnostics/state-checks.ts');
    expect(files).toContain('commands/docker/ports.ts');
    expect(ALL.length).toBeGreaterThan(500);
  });

  it('no particle is written both ways: (으)로, 을(를), 이(가), 은(는), 와(과), 이에요(예요)', () => {
    expect(ALL.filter((m) => FALLBACK.test(m.text)).map(where)).toEqual([]);
  });

  it('a particle after an interpolated value is chosen by the value (withParticle)', () => {
    const wrong: string[] = [];
    for (const m of ALL) {
      for (let i = 0; i < m.text.length; i++) {
        const rest = m.text.slice(i);
        const match = PARTICLE_AFTER.exec(rest);
        if (!match) continue;
        if (valueBefore(m.text, i)) wrong.push(`${where(m)}  ← “${match[1] ?? ''}”`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('a particle after a fixed code span fits how the span is read', () => {
    const wrong: string[] = [];
    for (const m of ALL) {
      // Between backticks, every other piece is a code span.
      const pieces = m.text.split('`');
      let end = 0;
      pieces.forEach((piece, i) => {
        end += piece.length + 1;
        if (i % 2 === 0 || i === pieces.length - 1 || piece.includes(VALUE)) return;
        const match = PARTICLE_AFTER.exec(m.text.slice(end));
        const written = match?.[1] ?? '';
        const pair = PAIRS.find((p) => p.split('/').includes(written));
        if (!pair) return;
        const expected = particle(`\`${piece}\``, pair);
        if (expected !== written) wrong.push(`${where(m)}  ← \`${piece}\`${written}, read: ${expected}`);
      });
    }
    expect(wrong).toEqual([]);
  });
});

const PAIRS: Particle[] = [
  '이에요/예요',
  '이어야/여야',
  '으로/로',
  '이었/였',
  '이라/라',
  '이나/나',
  '이랑/랑',
  '이란/란',
  '이면/면',
  '이야/야',
  '이고/고',
  '을/를',
  '이/가',
  '은/는',
  '와/과',
];
