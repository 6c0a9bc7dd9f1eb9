import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/cli/args.ts';
import { tokenize } from '../../src/cli/tokenize.ts';
import { isGroup, type OptionSpec } from '../../src/core/command.ts';
import { CUSTOM_ID_MAX, decodeCustomId, encodeCustomId } from '../../src/core/custom-id.ts';
import { isUserError } from '../../src/core/errors.ts';
import { coerceOptions } from '../../src/core/options.ts';
import { loadCommands, type CommandRegistry } from '../../src/core/registry.ts';
import { COMMANDS_DIR } from '../../src/paths.ts';
import { member, testApp } from '../support/app.ts';
import { hostileText, oddNumber } from '../support/hostile-text.ts';

const RUNS = { numRuns: Number(process.env.FUZZ_RUNS ?? 300) };

/** Runs `action`; a UserError (the documented way to refuse input) is an answer, anything else fails the test. */
function refusedOnlyByUserError(action: () => unknown): void {
  try {
    action();
  } catch (error) {
    if (!isUserError(error)) throw error;
  }
}

let registry: CommandRegistry;
/** Every option list of every command and subcommand, by name. */
let optionLists: Array<[string, readonly OptionSpec[]]>;
beforeAll(async () => {
  registry = await loadCommands(COMMANDS_DIR);
  optionLists = registry
    .all()
    .flatMap((c): Array<[string, readonly OptionSpec[]]> =>
      isGroup(c) ? c.subcommands.map((s) => [`${c.name} ${s.name}`, s.options]) : [[c.name, c.options]],
    );
});

/** Words a member may type on the console: command and option names mixed with hostile text and odd numbers. */
const commandWord = fc.oneof(
  fc.constantFrom(
    'ask',
    '/ask',
    '질문',
    'search',
    'docker',
    'logs',
    'containers',
    'inspect',
    'note',
    'help',
    'diagnose',
  ),
  fc.constantFrom('--json', '--locale', 'en', 'ko', '--batch', '--limit', '--tail', '--since', '--grep', '--hide'),
  fc.constantFrom('--no-hide', '--', '-p', 'query:', 'limit:5', '--limit=', '--locale=xx', '-', '--x', 'chapter:3'),
  hostileText(100),
  oddNumber,
);

// Property-based: whatever a member types or a client sends, input parsing answers or refuses
// with a UserError, and its output stays within what came in.
describe('console and option input on any text (fuzz)', () => {
  it('tokenize splits any line into words no longer, together, than the line', () => {
    fc.assert(
      fc.property(hostileText(), (line) => {
        const words = tokenize(line);
        expect(words.reduce((sum, w) => sum + w.length, 0)).toBeLessThanOrEqual(line.length);
      }),
      RUNS,
    );
  });

  it('parseCommandLine reads any words as a command or refuses them with a UserError', () => {
    fc.assert(
      fc.property(fc.array(commandWord, { maxLength: 30 }), (words) => {
        refusedOnlyByUserError(() => {
          const { invocation } = parseCommandLine(words, registry);
          // What it read came from the words: no more text than they hold (with the spaces between them).
          const read = Object.values(invocation.options).filter((v): v is string => typeof v === 'string');
          expect(read.join('').length).toBeLessThanOrEqual(words.join(' ').length);
        });
      }),
      RUNS,
    );
    fc.assert(
      fc.property(hostileText(), (line) => {
        refusedOnlyByUserError(() => parseCommandLine(tokenize(line), registry));
      }),
      RUNS,
    );
  });

  it('coerceOptions refuses only with a UserError, and what it accepts meets the option’s definition', () => {
    const rawValue = fc.oneof(
      hostileText(400),
      oddNumber,
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
    );
    fc.assert(
      fc.property(
        fc.nat(),
        fc.array(fc.tuple(fc.nat(), rawValue), { maxLength: 6 }),
        fc.boolean(),
        (at, picks, stray) => {
          const [, specs] = optionLists[at % optionLists.length] ?? ['', []];
          const raw: Record<string, unknown> = {};
          for (const [which, value] of picks) {
            const spec = specs[which % specs.length];
            if (spec) raw[spec.name] = value;
          }
          if (stray) raw['not-an-option'] = 'x';
          let values: Record<string, unknown> | undefined;
          refusedOnlyByUserError(() => (values = coerceOptions(specs, raw)));
          if (!values) return;
          for (const spec of specs) expectToMeet(spec, values[spec.name]);
        },
      ),
      RUNS,
    );
  });

  it('decodeCustomId reads any id without throwing, as the parts it was encoded from', () => {
    fc.assert(
      fc.property(hostileText(300), (id) => {
        const decoded = decodeCustomId(id);
        if (!decoded) return;
        expect([decoded.command, decoded.action, ...decoded.args].join(':')).toBe(id);
        if (Array.from(id).length <= CUSTOM_ID_MAX) {
          expect(encodeCustomId(decoded.command, decoded.action, ...decoded.args)).toBe(id);
        }
      }),
      RUNS,
    );
  });

  describe('buttons and menus', () => {
    let app: Awaited<ReturnType<typeof testApp>>;
    beforeAll(async () => {
      app = await testApp();
      // A recorded question, so ids that name it reach deep into the handlers.
      await app.dispatcher.run({ name: 'ask', options: { query: '도커 볼륨 만드는 법' } }, member());
    });
    afterAll(() => app.close());

    it('answer any custom id and selection clearly, never with an internal error', async () => {
      const part = fc.oneof(oddNumber, hostileText(30), fc.constantFrom('1', 'up', 'down', '0', '-1'));
      const customId = fc.oneof(
        hostileText(120),
        fc
          .tuple(
            fc.constantFrom('ask', 'note', 'docker', 'help', 'search', 'diagnose', 'x'),
            fc.constantFrom('vote', 'full', 'pick', 'toc', 'open', ''),
            fc.array(part, { maxLength: 4 }),
          )
          .map(([command, action, args]) => [command, action, ...args].join(':')),
      );
      const selected = fc.array(fc.oneof(hostileText(120), fc.constantFrom('notes/ch3-docker-usage#volumes', '#')), {
        maxLength: 3,
      });
      await fc.assert(
        fc.asyncProperty(customId, selected, async (id, values) => {
          const reply = await app.dispatcher.component(id, values, member());
          expect(reply.error?.code, `${id} ${JSON.stringify(values)}: ${reply.error?.message}`).not.toBe('internal');
        }),
        RUNS,
      );
    });
  });
});

function expectToMeet(spec: OptionSpec, value: unknown): void {
  if (value === undefined) {
    expect(spec.required ?? false).toBe(false);
    return;
  }
  switch (spec.type) {
    case 'string':
      expect(typeof value).toBe('string');
      if (spec.minLength !== undefined) expect((value as string).length).toBeGreaterThanOrEqual(spec.minLength);
      if (spec.maxLength !== undefined) expect((value as string).length).toBeLessThanOrEqual(spec.maxLength);
      if (spec.choices) expect(spec.choices.map((c) => c.value)).toContain(value);
      return;
    case 'integer':
    case 'number':
      expect(Number.isFinite(value)).toBe(true);
      if (spec.type === 'integer') expect(Number.isSafeInteger(value)).toBe(true);
      if (spec.min !== undefined) expect(value).toBeGreaterThanOrEqual(spec.min);
      if (spec.max !== undefined) expect(value).toBeLessThanOrEqual(spec.max);
      if (spec.choices) expect(spec.choices.map((c) => c.value)).toContain(value);
      return;
    case 'boolean':
      expect(typeof value).toBe('boolean');
  }
}
