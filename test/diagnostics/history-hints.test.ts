import { describe, expect, it } from 'vitest';
import { translator } from '../../src/core/locale.ts';
import { baseFilesystemLayer, historyHints } from '../../src/diagnostics/history-hints.ts';
import { chapterRef } from '../../src/diagnostics/refs.ts';
import type { HistoryItem } from '../../src/docker/engine-types.ts';
import { dominantLayers, formatBytes, parseCreatedBy, sizeBar, toLayers } from '../../src/docker/layers.ts';
import { FIXTURE_KNOWLEDGE } from '../support/knowledge.ts';

const MB = 1_000_000;

/** History as the engine returns it: newest first. */
function history(layers: Array<[string, number]>): HistoryItem[] {
  return layers
    .map(([createdBy, size], i) => ({
      Id: `sha256:${i}`,
      Created: 1_700_000_000 + i,
      CreatedBy: createdBy,
      Tags: [],
      Size: size,
      Comment: '',
    }))
    .reverse();
}

describe('parseCreatedBy', () => {
  it.each([
    ['/bin/sh -c #(nop)  CMD ["/bin/sh"]', 'CMD', '["/bin/sh"]'],
    ['/bin/sh -c #(nop) COPY dir:0a1b in /app ', 'COPY', 'dir:0a1b in /app'],
    [
      '/bin/sh -c apt-get update && apt-get install -y curl',
      'RUN',
      '/bin/sh -c apt-get update && apt-get install -y curl',
    ],
    ['|2 VERSION=1 MODE=x /bin/sh -c make', 'RUN', '|2 VERSION=1 MODE=x /bin/sh -c make'],
    ['/bin/busybox --install -s /bin', 'RUN', '/bin/busybox --install -s /bin'],
    ['RUN /bin/sh -c pip install -r requirements.txt # buildkit', 'RUN', '/bin/sh -c pip install -r requirements.txt'],
    ['COPY . . # buildkit', 'COPY', '. .'],
    ['ADD webapp.tar.gz /var/www/html # buildkit', 'ADD', 'webapp.tar.gz /var/www/html'],
    ['EXPOSE map[80/tcp:{}]', 'EXPOSE', 'map[80/tcp:{}]'],
  ])('%s', (createdBy, instruction, args) => {
    expect(parseCreatedBy(createdBy)).toEqual({ instruction, args });
  });
});

describe('layers', () => {
  it('come in Dockerfile order, redacted, with the dominant ones found', () => {
    const layers = toLayers(
      history([
        ['/bin/sh -c #(nop) ADD file:abc in / ', 80 * MB],
        ['/bin/sh -c #(nop)  ENV DB_PASSWORD=hunter2', 0],
        ['/bin/sh -c apt-get update && apt-get install -y python3', 60 * MB],
        ['/bin/sh -c #(nop)  CMD ["python3"]', 0],
      ]),
    );
    expect(layers.map((l) => l.index)).toEqual([1, 2, 3, 4]);
    expect(layers[0]?.instruction).toBe('ADD');
    expect(layers[1]?.createdBy).not.toContain('hunter2');
    expect(layers[1]?.empty).toBe(true);
    expect(dominantLayers(layers).map((l) => l.index)).toEqual([1, 3]);
  });

  it('draws size bars relative to the largest layer', () => {
    expect(sizeBar(10, 10, 4)).toBe('████');
    expect(sizeBar(5, 10, 4)).toBe('██░░');
    expect(sizeBar(1, 1000, 4)).toBe('█░░░');
    expect(formatBytes(67_600_000)).toBe('67.6 MB');
    expect(formatBytes(512)).toBe('512 B');
  });
});

describe('historyHints (chapter 4)', () => {
  const t = translator('ko');
  const hintCodes = (layers: Array<[string, number]>) => historyHints(toLayers(history(layers)), t).map((h) => h.code);

  it('apt lists left behind, but not when removed in the same RUN', () => {
    expect(hintCodes([['/bin/sh -c apt-get update && apt-get -y install apache2', 60 * MB]])).toEqual([
      'apt-lists-left',
    ]);
    expect(
      hintCodes([['/bin/sh -c apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*', 20 * MB]]),
    ).toEqual([]);
    expect(hintCodes([['RUN /bin/sh -c apk add curl # buildkit', 5 * MB]])).toEqual(['apt-lists-left']);
    expect(hintCodes([['RUN /bin/sh -c apk add --no-cache curl # buildkit', 5 * MB]])).toEqual([]);
  });

  it('ADD where COPY would do, but not for the base rootfs, archives or URLs', () => {
    expect(
      hintCodes([
        ['/bin/sh -c #(nop) ADD file:abc in / ', 80 * MB],
        ['ADD app.py /app/ # buildkit', 1000],
      ]),
    ).toEqual(['add-instead-of-copy']);
    expect(
      hintCodes([
        ['ADD webapp.tar.gz /var/www/html # buildkit', 1000],
        ['ADD https://example.com/x.txt /x # buildkit', 10],
      ]),
    ).toEqual([]);
  });

  it('three or more RUN layers in a row', () => {
    const mkdir: [string, number] = ['RUN /bin/sh -c mkdir /app # buildkit', 0];
    const touchA: [string, number] = ['RUN /bin/sh -c touch /app/a # buildkit', 0];
    const touchB: [string, number] = ['RUN /bin/sh -c touch /app/b # buildkit', 0];
    const hints = historyHints(toLayers(history([mkdir, touchA, touchB])), t);
    expect(hints.map((h) => h.code)).toEqual(['many-run-layers']);
    expect(hints[0]?.layers).toEqual([1, 2, 3]);
    expect(hintCodes([mkdir, ['WORKDIR /app', 0], touchA, touchB])).toEqual([]);
  });

  it('a large COPY of the whole context suggests .dockerignore', () => {
    expect(hintCodes([['COPY . . # buildkit', 150 * MB]])).toEqual(['large-copy-context']);
    expect(hintCodes([['/bin/sh -c #(nop) COPY dir:9f8e in /app ', 50 * MB]])).toEqual(['large-copy-context']);
    expect(hintCodes([['COPY . . # buildkit', 200_000]])).toEqual([]);
    expect(hintCodes([['COPY requirements.txt . # buildkit', 150 * MB]])).toEqual([]);
  });

  it('the base image’s filesystem layer is not a COPY to trim', () => {
    // A base image built FROM scratch with `COPY rootfs/ /` (the legacy builder records `dir:… in /`).
    const base: [string, number] = ['/bin/sh -c #(nop) COPY dir:479e86e4 in / ', 74 * MB];
    const cmd: [string, number] = ['/bin/sh -c #(nop)  CMD ["bash"]', 0];
    expect(hintCodes([base, cmd, ['COPY app.py /app/ # buildkit', 1000]])).toEqual([]);
    expect(baseFilesystemLayer(toLayers(history([base, cmd])))?.index).toBe(1);
    // The member's own whole-context COPY on top of it still is.
    expect(hintCodes([base, cmd, ['COPY . /app # buildkit', 40 * MB]])).toEqual(['large-copy-context']);
    // …and a COPY into / later in the history is the member's, not the base's.
    expect(hintCodes([['/bin/sh -c #(nop) ADD file:abc in / ', 80 * MB], base])).toEqual(['large-copy-context']);
  });

  it('links to the chapter-4 note sections that exist', () => {
    expect(chapterRef(FIXTURE_KNOWLEDGE, 4, ['dockerignore', 'build-context'])).toBe(
      'notes/ch4-dockerfile#dockerignore',
    );
    expect(chapterRef(FIXTURE_KNOWLEDGE, 4, ['no-such-anchor'])).toBe('notes/ch4-dockerfile#intro-section');
    expect(chapterRef(FIXTURE_KNOWLEDGE, 5, ['anything'])).toBeUndefined();
  });
});
