/**
 * The interaction lifecycle with the real discord.js client and the real command core, in
 * process, with shortened timings: auto-defer, giving up before the token dies, slow
 * autocomplete, and buttons that replace their message.
 */
import { once } from 'node:events';
import { Events, type Client } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineCommand } from '../../src/core/command.ts';
import type { Services } from '../../src/core/context.ts';
import { Dispatcher } from '../../src/core/dispatcher.ts';
import { createLogger } from '../../src/core/logger.ts';
import { CommandRegistry } from '../../src/core/registry.ts';
import { systemClock } from '../../src/core/clock.ts';
import { createDiscordClient } from '../../src/discord/client.ts';
import { deployCommands } from '../../src/discord/deploy-commands.ts';
import { InteractionRouter } from '../../src/discord/router.ts';
import { callbackOf, DiscordEmulator, messageOf } from '../discord-emulator/emulator.ts';
import { CallbackType, MessageFlag } from '../discord-emulator/protocol.ts';
import { defined } from '../support/defined.ts';

const TOKEN = 'router.test.token';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let abortedByWindow = false;

const commands = [
  defineCommand({
    name: 'slowpoke',
    description: { ko: '천천히 답해요', en: 'Answers slowly' },
    options: [],
    run: async () => {
      await sleep(800);
      return { title: 'done', text: 'finally' };
    },
  }),
  defineCommand({
    name: 'slowping',
    description: { ko: '천천히 알려요', en: 'Notifies slowly' },
    options: [],
    run: async (_options, ctx) => {
      await sleep(800);
      return { title: 'for you', text: 'later', mentionUsers: [{ id: ctx.caller.id, name: ctx.caller.name }] };
    },
  }),
  defineCommand({
    name: 'forever',
    description: { ko: '끝나지 않아요', en: 'Never ends' },
    options: [],
    run: (_options, ctx) =>
      new Promise((resolve) => {
        ctx.signal.addEventListener('abort', () => {
          abortedByWindow = true;
          resolve({ text: 'too late to matter' });
        });
      }),
  }),
  defineCommand({
    name: 'lookup',
    description: { ko: '자동 완성이 느려요', en: 'Slow autocomplete' },
    options: [
      {
        name: 'thing',
        type: 'string',
        required: true,
        description: { ko: '무엇', en: 'What' },
        autocomplete: () => new Promise(() => undefined),
      },
    ],
    run: ({ thing }) => ({ text: thing }),
  }),
  defineCommand({
    name: 'menu',
    description: { ko: '버튼 메뉴', en: 'A button menu' },
    options: [],
    run: () => ({
      title: 'menu',
      text: 'press',
      actions: [
        [
          { kind: 'button', customId: 'menu:swap', label: 'swap' },
          { kind: 'button', customId: 'menu:lazyswap', label: 'lazy swap' },
          { kind: 'button', customId: 'menu:lazynote', label: 'lazy note' },
        ],
      ],
    }),
    components: {
      swap: () => ({ title: 'swapped', text: 'the menu is gone', replaceOriginal: true }),
      lazyswap: async () => {
        await sleep(800);
        return { title: 'swapped later', text: 'after a while', replaceOriginal: true };
      },
      lazynote: async () => {
        await sleep(800);
        return { text: 'a private note', ephemeral: true };
      },
    },
  }),
];

let discord: DiscordEmulator;
let client: Client;
let router: InteractionRouter;
/** What beforeAll started, stopped in reverse order whatever point it reached. */
const started: Array<() => Promise<unknown>> = [];

beforeAll(async () => {
  discord = await DiscordEmulator.start({ token: TOKEN });
  started.push(() => discord.stop());
  const settings = {
    token: TOKEN,
    applicationId: discord.applicationId,
    guildId: discord.world.guild.id,
    apiBase: discord.apiBase,
  };
  await deployCommands(settings, commands);
  const log = createLogger('silent');
  const services = { clock: systemClock, log } as unknown as Services;
  router = new InteractionRouter(new Dispatcher(new CommandRegistry(commands), services), log, {
    autoDeferAfterMs: 300,
    autocompleteBudgetMs: 500,
    giveUpAfterMs: 1_200,
  });
  client = createDiscordClient(settings);
  started.push(() => client.destroy());
  client.on(Events.InteractionCreate, (interaction) => {
    router.handle(interaction);
  });
  const ready = once(client, Events.ClientReady);
  await client.login(TOKEN);
  await ready;
}, 30_000);

afterAll(async () => {
  for (const stop of started.reverse()) await stop();
});

describe('InteractionRouter', () => {
  it('defers a command still running after the auto-defer delay, then edits the reply', async () => {
    const interaction = discord.slash('slowpoke');
    expect(callbackOf(await discord.response(interaction)).type).toBe(CallbackType.DeferredChannelMessageWithSource);
    const edit = messageOf(await discord.later(interaction, 'PATCH', 5_000, '/messages/@original'));
    expect(edit.embeds?.[0]?.title).toBe('done');
    expect(edit.allowed_mentions).toEqual({ parse: [] });
  });

  it('sends a deferred reply that mentions someone as a new message, since an edit pings no one', async () => {
    const interaction = discord.slash('slowping');
    const callback = (await discord.response(interaction)).body as { type: number };
    expect(callback.type).toBe(CallbackType.DeferredChannelMessageWithSource);
    const followUp = (await discord.later(interaction, 'POST', 5_000)).body as { flags?: number };
    const minji = discord.world.members.minji?.user.id ?? '';
    expect(followUp).toMatchObject({ content: `<@${minji}>`, allowed_mentions: { parse: [], users: [minji] } });
    expect(followUp.flags ?? 0).toBe(0);
    expect(interaction.original?.deleted).toBe(true);
  });

  it('gives up before the token window closes: aborts the handler and tells the member privately', async () => {
    const interaction = discord.slash('forever');
    expect(callbackOf(await discord.response(interaction)).type).toBe(CallbackType.DeferredChannelMessageWithSource);
    const followUp = await discord.later(interaction, 'POST', 5_000);
    expect((messageOf(followUp).flags ?? 0) & MessageFlag.Ephemeral).toBe(MessageFlag.Ephemeral);
    expect(JSON.stringify(followUp.body)).toContain('너무 오래');
    expect(abortedByWindow).toBe(true);
    expect(interaction.original?.deleted).toBe(true);
  });

  it('answers a hanging autocomplete with no choices, inside the 3 s', async () => {
    const interaction = discord.autocomplete('lookup', 'thing', { options: { thing: 'x' } });
    const call = await discord.response(interaction);
    expect(call.body).toEqual({ type: CallbackType.AutocompleteResult, data: { choices: [] } });
  });

  it('updates the message in place for replaceOriginal, at once or after a deferred update', async () => {
    const menu = discord.slash('menu');
    await discord.response(menu);
    const shown = defined(menu.original, 'the menu message');

    const swap = discord.click(shown, 'menu:swap');
    const update = callbackOf(await discord.response(swap));
    expect(update.type).toBe(CallbackType.UpdateMessage);
    expect(update.data.components).toEqual([]);
    expect(shown.embeds[0]?.title).toBe('swapped');

    const menuAgain = discord.slash('menu');
    await discord.response(menuAgain);
    const shownAgain = defined(menuAgain.original, 'the second menu message');
    const lazy = discord.click(shownAgain, 'menu:lazyswap');
    expect(callbackOf(await discord.response(lazy)).type).toBe(CallbackType.DeferredUpdateMessage);
    await discord.later(lazy, 'PATCH', 5_000, '/messages/@original');
    expect(shownAgain.embeds[0]?.title).toBe('swapped later');
  });

  it('sends a slow button’s private answer as a follow-up, leaving the message alone', async () => {
    const menu = discord.slash('menu');
    await discord.response(menu);
    const shown = defined(menu.original, 'the menu message');
    const press = discord.click(shown, 'menu:lazynote');
    expect(callbackOf(await discord.response(press)).type).toBe(CallbackType.DeferredUpdateMessage);
    const followUp = await discord.later(press, 'POST', 5_000);
    expect(followUp.body).toMatchObject({ content: 'a private note', flags: MessageFlag.Ephemeral });
    expect(shown.embeds[0]?.title).toBe('menu');
  });

  it('has nothing left in flight once the last reply is through', async () => {
    for (let i = 0; i < 40 && router.pending > 0; i++) await sleep(50);
    expect(router.pending).toBe(0);
  });
});
