import { existsSync, readFileSync } from 'node:fs';
import { pack } from 'tar-stream';
import type Dockerode from 'dockerode';

export const BUSYBOX_IMAGE = 'dockhand-test/busybox:1';
const BUSYBOX_BINARY = ['/bin/busybox', '/usr/bin/busybox'].find((p) => existsSync(p));

export interface ContextFile {
  name: string;
  content: string | Buffer;
  mode?: number;
}

/** A build context as a tar stream (no registry here: every test image is built FROM scratch). */
export function buildContext(files: ContextFile[]): NodeJS.ReadableStream {
  const tar = pack();
  for (const file of files) {
    tar.entry({ name: file.name, mode: file.mode ?? 0o644 }, file.content);
  }
  tar.finalize();
  // tar-stream's Pack is a streamx Readable: Node-compatible for piping, not typed as one.
  return tar as unknown as NodeJS.ReadableStream;
}

/** Builds an image and waits for the build to finish; rejects with the build's error. */
export async function buildImage(
  docker: Dockerode,
  tag: string,
  files: ContextFile[],
  labels: Record<string, string> = {},
): Promise<void> {
  const stream = await docker.buildImage(buildContext(files), { t: tag, labels, rm: true, forcerm: true });
  await new Promise<void>((resolve, reject) => {
    docker.modem.followProgress(stream, (error: Error | null, output: Array<{ error?: string }> | undefined) => {
      const failed = output?.find((o) => o.error);
      if (error || failed) reject(error ?? new Error(failed?.error));
      else resolve();
    });
  });
}

let busybox: Promise<void> | undefined;

/**
 * A tiny image with busybox-static (sh, httpd, nc, …), built once per engine.
 * Needs Debian's busybox-static on the test machine.
 */
export function ensureBusyboxImage(docker: Dockerode): Promise<void> {
  busybox ??= (async () => {
    try {
      await docker.getImage(BUSYBOX_IMAGE).inspect();
      return;
    } catch {
      // not built yet
    }
    if (!BUSYBOX_BINARY) throw new Error('busybox-static is not installed (apt-get install busybox-static)');
    await buildImage(docker, BUSYBOX_IMAGE, [
      { name: 'busybox', content: readFileSync(BUSYBOX_BINARY), mode: 0o755 },
      {
        name: 'Dockerfile',
        content: [
          'FROM scratch',
          'COPY busybox /bin/busybox',
          'RUN ["/bin/busybox", "--install", "-s", "/bin"]',
          'ENV PATH=/bin',
          'CMD ["/bin/sh"]',
        ].join('\n'),
      },
    ]);
  })();
  return busybox;
}
