import { posix } from 'node:path';
import { extract } from 'tar-stream';
import type { ArchiveAllowlist } from './read-only-guard.ts';

/** nginx's configuration folder: the one folder dockhand may always ask for (after a grant). */
export const NGINX_CONF_DIR = '/etc/nginx';

/** Folders no html root may be in, whatever a configuration says (`root /;`, `root /etc;`). */
const NEVER_SERVED = ['/etc', '/proc', '/sys', '/dev', '/root', '/home', '/run', '/var/run', '/boot', '/tmp'];
const INDEX_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/**
 * Which container files the read-only guard lets `GET /containers/{id}/archive` read. Nothing
 * by default: a diagnosis grants `/etc/nginx` of the one container it looks at, then the index
 * files of the html roots that configuration names, reads them, and revokes the grant. A path
 * a member types never gets here: grants are built from the container's own configuration,
 * and only these two shapes are accepted.
 */
export class ArchiveGrants implements ArchiveAllowlist {
  private readonly granted = new Map<string, number>();

  allows(container: string, path: string): boolean {
    return (this.granted.get(key(container, path)) ?? 0) > 0;
  }

  /** Lets the nginx configuration folder of this container be read until the returned function is called. */
  grantConfig(containerId: string): () => void {
    return this.grant(containerId, [NGINX_CONF_DIR]);
  }

  /**
   * Lets `<root>/<index name>` be read for html roots the configuration names. Roots in system
   * folders and index names that are not plain file names are dropped (not granted).
   */
  grantIndexFiles(containerId: string, roots: string[], names: string[]): { paths: string[]; revoke: () => void } {
    const paths = roots
      .filter(isServableRoot)
      .flatMap((root) => names.filter((n) => INDEX_NAME.test(n)).map((n) => posix.join(root, n)));
    return { paths, revoke: this.grant(containerId, paths) };
  }

  private grant(containerId: string, paths: string[]): () => void {
    const keys = [...new Set(paths.map((p) => key(containerId, p)))];
    for (const k of keys) this.granted.set(k, (this.granted.get(k) ?? 0) + 1);
    let revoked = false;
    return () => {
      if (revoked) return;
      revoked = true;
      for (const k of keys) {
        const left = (this.granted.get(k) ?? 1) - 1;
        if (left > 0) this.granted.set(k, left);
        else this.granted.delete(k);
      }
    };
  }
}

function key(container: string, path: string): string {
  return `${container}\u0000${path}`;
}

/** An absolute, normalised path with no `.`/`..` segments, no empty segments, no trailing slash. */
export function isCleanAbsolutePath(path: string): boolean {
  if (!path.startsWith('/') || path.length > 1024 || path.includes('\0') || path.includes('\\')) return false;
  if (path === '/') return true;
  const segments = path.slice(1).split('/');
  return segments.every((s) => s !== '' && s !== '.' && s !== '..');
}

export function isServableRoot(root: string): boolean {
  if (!isCleanAbsolutePath(root) || root === '/') return false;
  if (root === NGINX_CONF_DIR || root.startsWith(`${NGINX_CONF_DIR}/`)) return true;
  return !NEVER_SERVED.some((dir) => root === dir || root.startsWith(`${dir}/`));
}

export interface ArchiveEntry {
  /** Absolute path in the container. */
  path: string;
  type: 'file' | 'directory' | 'symlink' | 'other';
  size: number;
  /** Text of a regular file no larger than the per-file cap (and without NUL bytes). */
  text?: string;
  /** Where a symlink points, as stored. */
  linkname?: string;
}

export interface ArchiveRead {
  path: string;
  entries: ArchiveEntry[];
  /** The byte cap or the entry cap stopped the read: later entries are missing. */
  truncated: boolean;
}

export interface ArchiveLimits {
  /** Bytes of tar read at most; the rest is not downloaded. */
  maxBytes: number;
  /** Files larger than this are listed without their text. */
  maxFileBytes: number;
  maxEntries: number;
  /** Deadline for the whole read (defaults to the client's call timeout). */
  timeoutMs?: number;
}

export const CONF_LIMITS: ArchiveLimits = { maxBytes: 1024 * 1024, maxFileBytes: 128 * 1024, maxEntries: 2000 };
export const INDEX_LIMITS: ArchiveLimits = { maxBytes: 256 * 1024, maxFileBytes: 128 * 1024, maxEntries: 4 };

/** Entries of an in-memory tar; a cut-off tar yields the entries before the cut. */
export async function untar(
  bytes: Buffer,
  parent: string,
  limits: Pick<ArchiveLimits, 'maxFileBytes' | 'maxEntries'>,
): Promise<{ entries: ArchiveEntry[]; complete: boolean }> {
  const entries: ArchiveEntry[] = [];
  const reader = extract();
  let complete = true;
  const done = (async () => {
    for await (const entry of reader) {
      const { header } = entry;
      const { size } = header;
      const type =
        header.type === 'file' || header.type === 'contiguous-file'
          ? 'file'
          : header.type === 'directory' || header.type === 'symlink'
            ? header.type
            : 'other';
      const chunks: Buffer[] = [];
      let kept = 0;
      for await (const chunk of entry as AsyncIterable<Buffer>) {
        if (type === 'file' && size <= limits.maxFileBytes && kept < limits.maxFileBytes) {
          chunks.push(chunk);
          kept += chunk.length;
        }
      }
      if (entries.length >= limits.maxEntries) {
        complete = false;
        continue;
      }
      const text = type === 'file' && size <= limits.maxFileBytes ? Buffer.concat(chunks) : undefined;
      entries.push({
        path: posix.join(parent, header.name),
        type,
        size,
        ...(text && !text.includes(0) ? { text: text.toString('utf8') } : {}),
        ...(header.linkname ? { linkname: header.linkname } : {}),
      });
    }
  })();
  reader.end(bytes);
  await done.catch(() => {
    complete = false;
  });
  return { entries, complete };
}
