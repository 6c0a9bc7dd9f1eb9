import { describe, expect, it } from 'vitest';
import { isUserError } from '../../src/core/errors.ts';
import { containerRef, imageRef } from '../../src/docker/names.ts';
import { parseProcNetTcp } from '../../src/docker/proc-net-tcp.ts';
import { engineTimestamp, parseSince } from '../../src/docker/since.ts';
import { Visibility } from '../../src/docker/visibility.ts';

describe('container and image names', () => {
  it.each(['web', 'web-1', 'study_app.v2', 'a', '3f2a9c', '/web'])('accepts container %s', (name) => {
    expect(containerRef(name)).toBe(name.replace(/^\//, ''));
  });

  it.each(['', '-web', '.hidden', 'web app', 'web/../x', 'web;rm', '웹', 'a'.repeat(129), '../../images/x'])(
    'refuses container %j with a bilingual error',
    (name) => {
      const error = (() => {
        try {
          containerRef(name);
        } catch (e) {
          return e;
        }
      })();
      expect(isUserError(error)).toBe(true);
      expect((error as { localized: { ko: string; en: string } }).localized.ko).toMatch(/컨테이너 이름/);
      expect((error as Error).message).toMatch(/not a container name/);
    },
  );

  it.each([
    'nginx',
    'nginx:1.25',
    'myuser/web:v1',
    'ghcr.io/org/app:2024-05',
    'localhost:5000/x/y',
    'sha256:4f53cda18c2b',
    '4f53cda18c2b',
    'python:3.12-slim',
    `nginx@sha256:${'a'.repeat(64)}`,
  ])('accepts image %s', (ref) => {
    expect(imageRef(ref)).toBe(ref);
  });

  it.each(['Nginx', 'nginx:', 'nginx:-bad', 'a b', 'x/../y', '../etc', 'nginx;ls'])('refuses image %j', (ref) => {
    expect(() => imageRef(ref)).toThrow(/not an image reference/);
  });
});

describe('Visibility', () => {
  it('shows everything with no rule', () => {
    expect(new Visibility().container({ name: 'anything', labels: {} })).toBe(true);
  });

  it('by label key, or key=value', () => {
    const byKey = new Visibility({ label: 'dockhand.visible' });
    expect(byKey.container({ name: 'a', labels: { 'dockhand.visible': 'no' } })).toBe(true);
    expect(byKey.container({ name: 'a', labels: {} })).toBe(false);
    const byValue = new Visibility({ label: 'dockhand.visible=true' });
    expect(byValue.container({ name: 'a', labels: { 'dockhand.visible': 'true' } })).toBe(true);
    expect(byValue.container({ name: 'a', labels: { 'dockhand.visible': 'false' } })).toBe(false);
  });

  it('by name globs; either rule grants', () => {
    const rule = new Visibility({ label: 'team=study', names: ['study-*', 'web?'] });
    expect(rule.container({ name: '/study-web', labels: {} })).toBe(true);
    expect(rule.container({ name: 'web1', labels: {} })).toBe(true);
    expect(rule.container({ name: 'web12', labels: {} })).toBe(false);
    expect(rule.container({ name: 'db', labels: { team: 'study' } })).toBe(true);
    expect(rule.container({ name: 'prod.db', labels: {} })).toBe(false);
  });

  it('images: by label, repository glob, or a visible container using them', () => {
    const rule = new Visibility({ names: ['study-*'] });
    expect(rule.image({ repositories: ['study-web'], labels: {} }, false)).toBe(true);
    expect(rule.image({ repositories: ['postgres'], labels: {} }, false)).toBe(false);
    expect(rule.image({ repositories: ['postgres'], labels: {} }, true)).toBe(true);
  });
});

describe('parseSince', () => {
  const now = new Date('2024-05-01T12:00:00Z');
  it.each([
    ['10m', '2024-05-01T11:50:00.000Z'],
    ['2h', '2024-05-01T10:00:00.000Z'],
    ['1d', '2024-04-30T12:00:00.000Z'],
    ['30s', '2024-05-01T11:59:30.000Z'],
    ['2024-05-01T09:00:00Z', '2024-05-01T09:00:00.000Z'],
    ['2024-05-01T18:00:00+09:00', '2024-05-01T09:00:00.000Z'],
    ['2024-04-01', '2024-04-01T00:00:00.000Z'],
  ])('%s', (input, expected) => {
    expect(parseSince(input, now).toISOString()).toBe(expected);
  });

  it('refuses nonsense with a clear error, and clamps the future to now', () => {
    expect(() => parseSince('yesterday', now)).toThrow(/Cannot read `--since`/);
    expect(() => parseSince('10 minutes', now)).toThrow();
    expect(parseSince('2030-01-01T00:00:00Z', now)).toEqual(now);
  });

  it.each([
    ['99999999999999d', /reaches back before 1970/],
    ['1e400d', /Cannot read/],
    ['2024-02-30', /February 2024 has 29 days/],
    ['2023-02-29', /February 2023 has 28 days/],
    ['2024-04-31T10:00:00Z', /April 2024 has 30 days/],
    ['2024-13-01', /the month must be 01–12/],
    ['2024-00-10', /the month must be 01–12/],
    ['2024-05-01T24:00:00Z', /the hour must be 00–23/],
    ['2024-05-01T10:60:00Z', /the minutes must be 00–59/],
    ['2024-05-01T10:00:61Z', /the seconds must be 00–59/],
    ['2024-05-01T10:00:00+25:00', /offset/],
    ['1969-12-31T00:00:00Z', /before 1970/],
  ])('refuses %s saying what is wrong, never rolling it over or sending NaN', (input, expected) => {
    const error = (() => {
      try {
        return parseSince(input, now);
      } catch (e) {
        return e;
      }
    })();
    expect(isUserError(error), String(error)).toBe(true);
    expect((error as { code: string }).code).toBe('invalid-since');
    expect((error as Error).message).toMatch(expected);
    expect((error as { localized: { ko: string } }).localized.ko).toContain(input.slice(0, 40));
  });

  it('says in Korean what is wrong with a date', () => {
    let error: unknown;
    try {
      parseSince('2024-02-30', now);
    } catch (e) {
      error = e;
    }
    expect(isUserError(error)).toBe(true);
    expect((error as { localized: { ko: string } }).localized.ko).toContain('2024년 2월은 29일까지예요');
  });

  it('still reads leap days, time zones and fractions', () => {
    expect(parseSince('2024-02-29', now).toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(parseSince('2024-04-30T23:59:59.5+09:00', now).toISOString()).toBe('2024-04-30T14:59:59.500Z');
    expect(parseSince('1.5h', now).toISOString()).toBe('2024-05-01T10:30:00.000Z');
  });

  it('formats the engine parameter as UNIX seconds', () => {
    expect(engineTimestamp(new Date('2024-05-01T11:50:00.250Z'))).toBe('1714564200.250');
  });
});

describe('parseProcNetTcp', () => {
  const tcp = [
    '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
    '   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 29007 1 0000000000000000 100 0 0 10 0',
    '   1: 00000000:0050 00000000:000 0A 00000000:00000000 00:00000000 00000000     0        0 29008 1 0000000000000000 100 0 0 10 0',
    '   2: 020011AC:0050 010011AC:C350 01 00000000:00000000 00:00000000 00000000     0        0 29009 1 0000000000000000 20 4 30 10 -1',
  ].join('\n');
  const tcp6 = [
    '  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
    '   0: 00000000000000000000000001000000:0BB8 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1 0 100 0 0 10 0',
    '   1: 00000000000000000000000000000000:1F40 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 2 1 0 100 0 0 10 0',
    '   2: 0000000000000000FFFF00000100007F:1388 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 3 1 0 100 0 0 10 0',
  ].join('\n');

  it('finds listening sockets and decodes addresses (little-endian words) and ports', () => {
    expect(parseProcNetTcp(tcp)).toEqual([
      { address: '127.0.0.1', port: 8080, loopback: true, wildcard: false },
      { address: '0.0.0.0', port: 80, loopback: false, wildcard: true },
    ]);
    expect(parseProcNetTcp(tcp6)).toEqual([
      { address: '::1', port: 3000, loopback: true, wildcard: false },
      { address: '::', port: 8000, loopback: false, wildcard: true },
      { address: '::ffff:127.0.0.1', port: 5000, loopback: true, wildcard: false },
    ]);
  });
});
