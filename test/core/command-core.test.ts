import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/cli/args.ts';
import { tokenize } from '../../src/cli/tokenize.ts';
import { defineCommand, defineGroup, defineSubcommand } from '../../src/core/command.ts';
import { decodeCustomId, encodeCustomId } from '../../src/core/custom-id.ts';
import { definitionProblems } from '../../src/core/definition-rules.ts';
import { coerceOptions } from '../../src/core/options.ts';
import type { UserError } from '../../src/core/errors.ts';
import { endsWithBatchim } from '../../src/core/text.ts';
import { CommandRegistry, loadCommands } from '../../src/core/registry.ts';
import { COMMANDS_DIR } from '../../src/paths.ts';
import { member, testApp } from '../support/app.ts';

describe('command definitions', () => {
  it('every command in commands/ passes Discord’s rules (names, descriptions, option order, limits)', async () => {
    const registry = await loadCommands(COMMANDS_DIR);
    const names = registry.all().map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['ask', 'help', 'note', 'search', 'docker']));
    for (const command of registry.all()) expect(definitionProblems(command)).toEqual([]);
  });

  it('rejects definitions Discord would refuse', () => {
    const bad = defineCommand({
      name: 'Bad Name',
      nameKo: '나쁜 이름',
      description: { ko: '', en: 'x'.repeat(101) },
      options: [
        { name: 'later', type: 'string', description: { ko: '선택', en: 'optional' } },
        { name: 'first', type: 'string', required: true, description: { ko: '필수', en: 'required' } },
      ],
      run: () => ({}),
    });
    const problems = definitionProblems(bad).join('\n');
    expect(problems).toMatch(/name "Bad Name"/);
    expect(problems).toMatch(/Korean name "나쁜 이름"/);
    expect(problems).toMatch(/ko description/);
    expect(problems).toMatch(/en description/);
    expect(problems).toMatch(/required options must come before optional/);
    expect(() => new CommandRegistry([bad])).toThrow(/invalid command definitions/);
  });
});

describe('options', () => {
  const specs = [
    { name: 'chapter', type: 'integer', required: true, min: 1, max: 6, description: { ko: '장', en: 'chapter' } },
    { name: 'hide', type: 'boolean', description: { ko: '숨김', en: 'hide' } },
    {
      name: 'tone',
      type: 'string',
      choices: [{ name: { ko: 'a', en: 'a' }, value: 'a' }],
      description: { ko: 't', en: 't' },
    },
  ] as const;

  it('coerces console strings and Discord values to the declared types', () => {
    expect(coerceOptions(specs, { chapter: '3', hide: 'yes' })).toEqual({ chapter: 3, hide: true, tone: undefined });
    expect(coerceOptions(specs, { chapter: 4, hide: false, tone: 'a' })).toEqual({
      chapter: 4,
      hide: false,
      tone: 'a',
    });
  });

  it.each([
    [{}, /chapter/],
    [{ chapter: '7' }, /6 이하/],
    [{ chapter: '2.5' }, /정수/],
    [{ chapter: '2', hide: 'perhaps' }, /true 또는 false/],
    [{ chapter: '2', tone: 'b' }, /다음 중 하나: a/],
    [{ chapter: '2', colour: 'red' }, /알 수 없는 옵션 `colour`/],
  ])('rejects %j with a Korean message naming the option', (raw, message) => {
    expect(() => coerceOptions(specs, raw)).toThrow();
    try {
      coerceOptions(specs, raw);
    } catch (error) {
      expect((error as { messageFor(l: string): string }).messageFor('ko')).toMatch(message);
    }
  });
});

describe('console command lines', () => {
  let registry: CommandRegistry;
  beforeAll(async () => {
    registry = await loadCommands(COMMANDS_DIR);
  });

  it('keeps flag-looking words of a question as text', () => {
    const parsed = parseCommandLine(tokenize('/ask -p 8080:80 의미'), registry);
    expect(parsed.invocation).toEqual({ name: 'ask', subcommand: undefined, options: { query: '-p 8080:80 의미' } });
    expect(parseCommandLine(tokenize('ask COPY --from 은 언제 써요 --hide'), registry).invocation.options).toEqual({
      query: 'COPY --from 은 언제 써요',
      hide: true,
    });
  });

  it('reads flags, name:value pairs, positionals, Korean names and output flags', () => {
    expect(parseCommandLine(tokenize('search --json --limit 3 "도커 볼륨"'), registry)).toEqual({
      invocation: { name: 'search', subcommand: undefined, options: { limit: '3', query: '도커 볼륨' } },
      flags: { json: true },
    });
    expect(parseCommandLine(tokenize('/노트 chapter:3 volumes'), registry).invocation).toEqual({
      name: 'note',
      subcommand: undefined,
      options: { chapter: '3', section: 'volumes' },
    });
    expect(parseCommandLine(tokenize('docker containers --locale en'), registry)).toMatchObject({
      invocation: { name: 'docker', subcommand: 'containers' },
      flags: { locale: 'en' },
    });
  });

  it('says clearly what is wrong', () => {
    expect(() => parseCommandLine(['nope'], registry)).toThrow(/There is no `nope` command/);
    expect(() => parseCommandLine(['note', '3', '--colour', 'x'], registry)).toThrow(/Unknown option `--colour`/);
    expect(() => parseCommandLine(['note', '3', 'a', 'b'], registry)).toThrow(/extra input: b/);
    expect(() => parseCommandLine(['search', '--limit'], registry)).toThrow(/--limit needs a value/);
  });

  it('keeps the apostrophes and lone quotes of natural questions', () => {
    expect(tokenize(`ask what's a volume`)).toEqual(['ask', "what's", 'a', 'volume']);
    expect(tokenize(`ask compose up doesn't pick up my Dockerfile changes`)).toContain("doesn't");
    expect(tokenize('ask "unclosed')).toEqual(['ask', '"unclosed']);
    expect(tokenize(`logs web --grep "connection refused" --since '10m'`)).toEqual([
      'logs',
      'web',
      '--grep',
      'connection refused',
      '--since',
      '10m',
    ]);
  });
});

describe('custom ids', () => {
  it('round-trip their state and stay within Discord’s 100 characters', () => {
    const id = encodeCustomId('ask', 'vote', 42, 'up');
    expect(decodeCustomId(id)).toEqual({ command: 'ask', action: 'vote', args: ['42', 'up'] });
    expect(() => encodeCustomId('ask', 'vote', 'x'.repeat(100))).toThrow(/longer than 100/);
    expect(() => encodeCustomId('ask', 'vote', 'a:b')).toThrow(/must not contain/);
  });
});

describe('Korean particles in messages', () => {
  it('pick 이어야/여야 by how the last word or digit is read', () => {
    const spec = { name: 'n', type: 'integer', description: { ko: 'n', en: 'n' } } as const;
    const message = (raw: unknown, extra = {}) => {
      try {
        coerceOptions([{ ...spec, ...extra }], { n: raw });
      } catch (error) {
        return (error as UserError).messageFor('ko');
      }
      return 'accepted';
    };
    expect(message('abc')).toBe('`n` 값은 정수여야 해요.');
    expect(message(0, { min: 1 })).toBe('`n` 값은 1 이상이어야 해요.');
    expect(message(9, { choices: [2, 4].map((v) => ({ name: { ko: `${v}`, en: `${v}` }, value: v })) })).toBe(
      '`n` 값은 다음 중 하나: 2, 4여야 해요.',
    );
    expect(endsWithBatchim('3')).toBe(true);
    expect(endsWithBatchim('false')).toBe(false);
  });
});

describe('dispatcher', () => {
  let app: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    app = await testApp();
  });
  afterAll(() => app.close());

  it('turns a user error into a private, localized reply and an internal error into an apology', async () => {
    const ko = await app.dispatcher.run({ name: 'note', options: { chapter: 9 } }, member());
    expect(ko).toMatchObject({ ephemeral: true, tone: 'error', error: { code: 'invalid-option' } });
    expect(ko.text).toBe('`chapter` 값은 다음 중 하나: 1, 2, 3, 4, 5, 6이어야 해요.');
    const en = await app.dispatcher.run({ name: 'note', options: { chapter: 9 } }, member({ locale: 'en' }));
    expect(en.text).toMatch(/`chapter` must be one of: 1, 2, 3, 4, 5, 6/);
    const unknown = await app.dispatcher.run({ name: 'search', options: { query: 'x' } }, member());
    expect(unknown.error?.code).toBe('unknown-command'); // CLI-only command, not offered on Discord

    const boom = defineCommand({
      name: 'boom',
      description: { ko: '폭발', en: 'boom' },
      options: [],
      run: () => {
        throw new Error('secret internals');
      },
    });
    const { Dispatcher } = await import('../../src/core/dispatcher.ts');
    const dispatcher = new Dispatcher(new CommandRegistry([boom]), app.services);
    const apology = await dispatcher.run({ name: 'boom', options: {} }, member());
    expect(apology.error?.code).toBe('internal');
    expect(apology.text).not.toMatch(/secret internals/);
    expect(apology.text).toMatch(/오류 번호 [0-9a-f]{8}/);
  });

  it('enforces organizer-only commands and per-user cooldowns (by the clock)', async () => {
    const { Dispatcher } = await import('../../src/core/dispatcher.ts');
    const admin = defineGroup({
      name: 'admin',
      description: { ko: '운영', en: 'admin' },
      organizerOnly: true,
      cooldownSeconds: 10,
      subcommands: [
        defineSubcommand({
          name: 'ping',
          description: { ko: '핑', en: 'ping' },
          options: [],
          run: () => ({ text: 'pong' }),
        }),
      ],
    });
    const dispatcher = new Dispatcher(new CommandRegistry([admin]), app.services);
    const invocation = { name: 'admin', subcommand: 'ping', options: {} };
    expect((await dispatcher.run(invocation, member())).error?.code).toBe('organizer-only');
    const organizer = member({ isOrganizer: true });
    expect((await dispatcher.run(invocation, organizer)).text).toBe('pong');
    const waiting = await dispatcher.run(invocation, organizer);
    expect(waiting.error?.code).toBe('cooldown');
    expect(waiting.text).toBe('조금만 기다려 주세요: `/admin`은 10초 뒤에 다시 쓸 수 있어요.');
    expect((await dispatcher.run(invocation, member({ id: 'other', isOrganizer: true }))).text).toBe('pong');
    app.clock.advance(10_000);
    expect((await dispatcher.run(invocation, organizer)).text).toBe('pong');
  });

  it('cooldown forgets expired callers, never a waiting one', async () => {
    const { Cooldown } = await import('../../src/core/preconditions/cooldown.ts');
    const cooldown = new Cooldown();
    const command = { name: 'diagnose', cooldownSeconds: 5 };
    const start = new Date('2026-01-01T00:00:00Z');
    cooldown.check(command, { id: 'waiting', transport: 'discord' }, new Date(start.getTime() + 4_000));
    for (let i = 0; i < 1500; i++) cooldown.check(command, { id: `member-${i}`, transport: 'discord' }, start);
    const later = new Date(start.getTime() + 6_000);
    // The 1,500 early callers have expired (and are pruned); the one who called at 4 s still waits.
    const refusal = (() => {
      try {
        cooldown.check(command, { id: 'waiting', transport: 'discord' }, later);
      } catch (error) {
        return (error as UserError).messageFor('ko');
      }
    })();
    expect(refusal).toBe('조금만 기다려 주세요: `/diagnose`는 3초 뒤에 다시 쓸 수 있어요.');
    expect(() => {
      cooldown.check(command, { id: 'member-0', transport: 'discord' }, later);
    }).not.toThrow();
  });

  it("autocompletes with choices in the caller's language, and none for an unknown command", async () => {
    const choices = await app.dispatcher.autocomplete({ name: 'ask' }, 'query', '도커', member());
    expect(choices.length).toBeGreaterThan(0);
    expect(await app.dispatcher.autocomplete({ name: 'nope' }, 'query', 'x', member())).toEqual([]);
  });

  it('a stale or forged button gets a clear private answer', async () => {
    const reply = await app.dispatcher.component('ask:vote:99999:up', [], member());
    expect(reply).toMatchObject({ ephemeral: true, error: { code: 'unknown-question' } });
    expect((await app.dispatcher.component('nothing-here', [], member())).error?.code).toBe('unknown-component');
  });
});
