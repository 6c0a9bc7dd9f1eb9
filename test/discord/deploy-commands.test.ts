import { describe, expect, it } from 'vitest';
import { ApplicationCommandOptionType } from 'discord.js';
import { defineCommand, defineGroup, defineSubcommand } from '../../src/core/command.ts';
import { loadCommands } from '../../src/core/registry.ts';
import { DeployConfigError, deployCommands, describeDeployError } from '../../src/discord/deploy-commands.ts';
import { DiscordEmulator } from '../discord-emulator/emulator.ts';
import { registrationPayload } from '../../src/discord/registration-payload.ts';
import { COMMANDS_DIR } from '../../src/paths.ts';
import { defined } from '../support/defined.ts';

const organizerTool = defineGroup({
  name: 'admin',
  nameKo: '운영',
  description: { ko: '운영진 도구', en: 'Organizer tools' },
  organizerOnly: true,
  subcommands: [
    defineSubcommand({
      name: 'remind',
      nameKo: '알림',
      description: { ko: '알림 예약', en: 'Schedule a reminder' },
      options: [
        {
          name: 'minutes',
          nameKo: '분',
          type: 'number',
          required: true,
          min: 0.5,
          max: 120,
          description: { ko: '몇 분 뒤', en: 'In how many minutes' },
        },
        {
          name: 'level',
          type: 'integer',
          choices: [
            { name: { ko: '낮음', en: 'Low' }, value: 1 },
            { name: { ko: '높음', en: 'High' }, value: 2 },
          ],
          description: { ko: '중요도', en: 'Importance' },
        },
        { name: 'text', type: 'string', minLength: 2, maxLength: 200, description: { ko: '내용', en: 'Text' } },
      ],
      run: () => ({ text: 'ok' }),
    }),
  ],
});

const consoleOnly = defineCommand({
  name: 'local',
  description: { ko: '콘솔 전용', en: 'Console only' },
  transports: ['cli'],
  options: [],
  run: () => ({ text: 'ok' }),
});

describe('registrationPayload', () => {
  it('registers every Discord command from commands/ in the guild context, Korean and English', async () => {
    const registry = await loadCommands(COMMANDS_DIR);
    const payload = registrationPayload(registry.all());
    expect(payload.map((c) => c.name)).toEqual(registry.all('discord').map((c) => c.name));
    expect(payload.map((c) => c.name)).not.toContain('search');
    for (const command of payload) {
      const definition = defined(registry.get(command.name), `the definition of /${command.name}`);
      expect(command.type).toBe(1);
      expect(command.contexts).toEqual([0]);
      expect(command.integration_types).toEqual([0]);
      expect(command.name_localizations).toEqual({ ko: definition.nameKo });
      expect(command.description).toBe(definition.description.ko);
      expect(command.description_localizations).toEqual({
        ko: definition.description.ko,
        'en-US': definition.description.en,
        'en-GB': definition.description.en,
      });
      expect(command.default_member_permissions).toBe(definition.organizerOnly ? '32' : null);
      // Discord's cap: names, descriptions and choices of one command together, per locale.
      expect(commandTextLength(command)).toBeLessThanOrEqual(4000);
    }
  });

  it('describes /ask and /note options as Discord expects', async () => {
    const registry = await loadCommands(COMMANDS_DIR);
    const payload = registrationPayload(registry.all());
    const ask = defined(payload.find((c) => c.name === 'ask'));
    expect(ask.options).toEqual([
      expect.objectContaining({
        type: 3,
        name: 'query',
        name_localizations: { ko: '질문' },
        required: true,
        autocomplete: true,
        max_length: 6000,
      }),
      expect.objectContaining({ type: 5, name: 'hide', required: false }),
    ]);
    const note = defined(payload.find((c) => c.name === 'note'));
    const chapter = note.options?.[0] as {
      type: number;
      choices: Array<{ name: string; name_localizations: Record<string, string>; value: number }>;
    };
    expect(chapter.type).toBe(4);
    expect(chapter.choices[0]).toEqual({
      name: '1장',
      name_localizations: { ko: '1장', 'en-US': 'Chapter 1', 'en-GB': 'Chapter 1' },
      value: 1,
    });
    const docker = defined(payload.find((c) => c.name === 'docker'));
    expect(docker.options?.every((o) => o.type === ApplicationCommandOptionType.Subcommand)).toBe(true);
  });

  it('maps subcommands, number ranges, integer choices, string lengths and organizer permissions', () => {
    const [first, ...rest] = registrationPayload([organizerTool, consoleOnly]);
    expect(rest).toEqual([]);
    const admin = defined(first);
    expect(admin.default_member_permissions).toBe('32');
    expect(admin.options).toEqual([
      {
        type: 1,
        name: 'remind',
        name_localizations: { ko: '알림' },
        description: '알림 예약',
        description_localizations: { ko: '알림 예약', 'en-US': 'Schedule a reminder', 'en-GB': 'Schedule a reminder' },
        options: [
          expect.objectContaining({
            type: 10,
            name: 'minutes',
            name_localizations: { ko: '분' },
            required: true,
            min_value: 0.5,
            max_value: 120,
          }),
          expect.objectContaining({
            type: 4,
            name: 'level',
            required: false,
            choices: [expect.objectContaining({ value: 1 }), expect.objectContaining({ value: 2 })],
          }),
          expect.objectContaining({ type: 3, name: 'text', min_length: 2, max_length: 200 }),
        ],
      },
    ]);
    expect(JSON.stringify(admin.options)).not.toContain('autocomplete');
  });
});

describe('deployCommands', () => {
  const base = {
    token: 't',
    applicationId: '150000000000000000',
    guildId: undefined,
    apiBase: 'http://127.0.0.1:9/api',
  };

  it('names the missing setting and where to find it', async () => {
    await expect(deployCommands({ ...base, token: undefined }, [])).rejects.toThrow(/DISCORD_TOKEN is not set.*Bot/);
    await expect(deployCommands({ ...base, applicationId: undefined }, [])).rejects.toThrow(DeployConfigError);
    await expect(deployCommands({ ...base, applicationId: undefined }, [])).rejects.toThrow(
      /DISCORD_APPLICATION_ID.*Application ID/,
    );
  });

  it('registers globally without a guild, and explains a refused token', async () => {
    const discord = await DiscordEmulator.start({ token: 'right' });
    try {
      const settings = { ...base, token: 'right', applicationId: discord.applicationId, apiBase: discord.apiBase };
      const result = await deployCommands(settings, [organizerTool, consoleOnly]);
      expect(result).toEqual({ scope: 'global', target: discord.applicationId, names: ['admin'] });
      expect(discord.calls.at(-1)).toMatchObject({
        method: 'PUT',
        path: `/applications/${discord.applicationId}/commands`,
      });
      expect(discord.registered.get('global')?.map((c) => c.name)).toEqual(['admin']);

      const refused = await deployCommands({ ...settings, token: 'wrong' }, [organizerTool]).catch(
        (error: unknown) => error,
      );
      expect(describeDeployError(refused)).toMatch(/401.*DISCORD_TOKEN/);
    } finally {
      await discord.stop();
    }
  });
});

interface TextNode {
  name: string;
  description?: string | undefined;
  options?: TextNode[] | undefined;
  choices?: Array<{ name: string; value: string | number }> | undefined;
}

function commandTextLength(node: TextNode): number {
  return (
    node.name.length +
    (node.description?.length ?? 0) +
    (node.choices ?? []).reduce((sum, c) => sum + c.name.length + String(c.value).length, 0) +
    (node.options ?? []).reduce((sum, o) => sum + commandTextLength(o), 0)
  );
}
