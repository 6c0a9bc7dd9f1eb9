/**
 * The `attachment` option type end to end below the transports: the definition, coercion and
 * pending values in the core, Discord's registration and CDN-only capped download, the CLI's path.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/cli/args.ts';
import { decodeTextFile } from '../../src/core/attachment.ts';
import { defineCommand } from '../../src/core/command.ts';
import type { Services } from '../../src/core/context.ts';
import { Dispatcher } from '../../src/core/dispatcher.ts';
import { definitionProblems } from '../../src/core/definition-rules.ts';
import { isUserError } from '../../src/core/errors.ts';
import { createLogger } from '../../src/core/logger.ts';
import { coerceOptions, PendingValue, settleOptions } from '../../src/core/options.ts';
import { CommandRegistry } from '../../src/core/registry.ts';
import { systemClock } from '../../src/core/clock.ts';
import { attachmentOrigins, attachmentValue, DISCORD_CDN_ORIGINS } from '../../src/discord/attachments.ts';
import { registrationPayload } from '../../src/discord/registration-payload.ts';
import review from '../../commands/review.ts';
import { member } from '../support/app.ts';

const signal = new AbortController().signal;
const fileSpec = {
  name: 'file',
  type: 'attachment',
  required: true,
  maxBytes: 16,
  description: { ko: '파일', en: 'File' },
} as const;

async function userErrorOf(promise: Promise<unknown>): Promise<{ code: string; ko: string }> {
  try {
    await promise;
  } catch (error) {
    if (isUserError(error)) return { code: error.code, ko: error.localized.ko };
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('the attachment option in the core', () => {
  it('takes a file (name and text), refuses a bare string, and holds the byte cap', () => {
    const file = { filename: 'Dockerfile', text: 'FROM alpine:3' };
    expect(coerceOptions([fileSpec], { file })).toEqual({ file });
    expect(() => coerceOptions([fileSpec], { file: 'Dockerfile' })).toThrow(/파일을 주세요|takes a file/);
    expect(() => coerceOptions([fileSpec], { file: { filename: 'x', text: '가'.repeat(6) } })).toThrow(/too large/);
  });

  it('awaits pending values inside the run, so their UserErrors reach the member as any other error', async () => {
    const seen: string[] = [];
    const command = defineCommand({
      name: 'read',
      description: { ko: '읽기', en: 'Read' },
      options: [fileSpec],
      run: ({ file }) => {
        seen.push(file.text);
        return { text: file.filename };
      },
    });
    const services = { clock: systemClock, log: createLogger('silent') } as unknown as Services;
    const dispatcher = new Dispatcher(new CommandRegistry([command]), services);
    const ok = await dispatcher.run(
      { name: 'read', options: { file: new PendingValue(() => Promise.resolve({ filename: 'a.txt', text: 'hi' })) } },
      member({ transport: 'cli' }),
    );
    expect(ok.text).toBe('a.txt');
    expect(seen).toEqual(['hi']);
    const failed = await dispatcher.run(
      { name: 'read', options: { file: new PendingValue(() => Promise.reject(new Error('disk on fire'))) } },
      member({ id: 'u-2', transport: 'cli' }),
    );
    expect(failed.error?.code).toBe('internal');
    expect(await settleOptions({ a: 1 }, signal)).toEqual({ a: 1 });
  });

  it('offers an option only on the transports it names, and a required one must be everywhere', () => {
    const registry = new CommandRegistry([review]);
    expect(registry.resolve('review', undefined, 'cli').options.map((o) => o.name)).toEqual(['dockerfile', 'context']);
    expect(registry.resolve('review', undefined, 'discord').options.map((o) => o.name)).toEqual(['dockerfile']);
    const bad = defineCommand({
      name: 'bad',
      description: { ko: '나쁨', en: 'Bad' },
      options: [{ ...fileSpec, transports: ['cli'] }],
      run: () => ({}),
    });
    expect(definitionProblems(bad)).toContain('bad --file: a required option must be offered on every transport');
  });
});

describe('text files', () => {
  it('decodes UTF-8 (BOM or not) and UTF-16 with a BOM; refuses binaries and what is too large', () => {
    expect(decodeTextFile(Buffer.from('\uFEFFFROM x', 'utf8'), 'a', 100).text).toBe('FROM x');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('FROM 가', 'utf16le')]);
    expect(decodeTextFile(utf16, 'a', 100).text).toBe('FROM 가');
    const be = Buffer.from([0xfe, 0xff, 0x00, 0x41]);
    expect(decodeTextFile(be, 'a', 100).text).toBe('A');
    expect(() => decodeTextFile(Buffer.from([0xc3, 0x28]), 'bad.bin', 100)).toThrow(/not a text file/);
    expect(() => decodeTextFile(Buffer.from('a\u0000b'), 'nul.bin', 100)).toThrow(/not a text file/);
    expect(() => decodeTextFile(Buffer.alloc(101, 0x41), 'big', 100)).toThrow(/too large/);
  });
});

describe('the attachment option in Discord', () => {
  it('registers as type 11 with its Korean name, and the CLI-only context option is not registered', () => {
    const [command] = registrationPayload([review]);
    expect(command?.options).toEqual([
      expect.objectContaining({ type: 11, name: 'dockerfile', name_localizations: { ko: '도커파일' }, required: true }),
    ]);
  });

  it('fetches uploads from Discord’s CDN, or the origin DISCORD_API_BASE was pointed at', () => {
    expect(attachmentOrigins('https://discord.com/api')).toEqual(DISCORD_CDN_ORIGINS);
    expect(attachmentOrigins('http://127.0.0.1:4000/api')).toEqual([...DISCORD_CDN_ORIGINS, 'http://127.0.0.1:4000']);
  });

  describe('downloading', () => {
    let server: Server;
    let origin: string;
    const requests: string[] = [];
    beforeAll(async () => {
      server = createServer((req, res) => {
        requests.push(req.url ?? '');
        if (req.url?.startsWith('/attachments/1/ok/')) res.end('FROM alpine:3.20\n');
        else if (req.url?.startsWith('/attachments/1/huge/')) res.end('x'.repeat(100));
        else if (req.url?.startsWith('/attachments/1/moved/'))
          res.writeHead(302, { location: '/attachments/1/ok/a' }).end();
        else res.writeHead(404).end();
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => {
      server.close();
    });

    const load = (path: string, size = 10, origins = [origin]) =>
      attachmentValue(
        { name: 'Dockerfile', url: `${origin}${path}`, size },
        { ...fileSpec, maxBytes: 64 },
        origins,
      ).load(signal);

    it('reads the file an allowed origin serves', async () => {
      expect(await load('/attachments/1/ok/Dockerfile')).toEqual({
        filename: 'Dockerfile',
        text: 'FROM alpine:3.20\n',
      });
    });

    it('refuses other origins and other paths without sending a request', async () => {
      const before = requests.length;
      expect((await userErrorOf(load('/attachments/1/ok/Dockerfile', 10, DISCORD_CDN_ORIGINS))).code).toBe(
        'attachment-refused',
      );
      expect((await userErrorOf(load('/api/v10/users/@me'))).code).toBe('attachment-refused');
      expect(requests.length).toBe(before);
    });

    it('holds the cap on the announced size (no request) and while downloading', async () => {
      const before = requests.length;
      expect((await userErrorOf(load('/attachments/1/ok/Dockerfile', 65))).code).toBe('attachment-too-large');
      expect(requests.length).toBe(before);
      expect((await userErrorOf(load('/attachments/1/huge/Dockerfile'))).code).toBe('attachment-too-large');
    });

    it('does not follow redirects, and a failed download asks for the upload again', async () => {
      expect((await userErrorOf(load('/attachments/1/moved/Dockerfile'))).code).toBe('attachment-fetch-failed');
      expect(await userErrorOf(load('/attachments/1/gone/Dockerfile'))).toEqual({
        code: 'attachment-fetch-failed',
        ko: '첨부 파일 `Dockerfile`을 받지 못했어요. 잠시 뒤 다시 올려 주세요.',
      });
    });
  });
});

describe('the attachment option on the console and CLI', () => {
  it('takes a path, positional or named, and reads it only when the command runs', () => {
    const registry = new CommandRegistry([review]);
    const positional = parseCommandLine(['review', 'docker/Dockerfile', '--context', 'docker'], registry);
    expect(positional.invocation.options.dockerfile).toBeInstanceOf(PendingValue);
    expect(positional.invocation.options.context).toBe('docker');
    const named = parseCommandLine(['review', 'dockerfile:Dockerfile'], registry);
    expect(named.invocation.options.dockerfile).toBeInstanceOf(PendingValue);
  });
});
