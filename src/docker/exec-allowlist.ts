/**
 * The only commands dockhand may run inside a container, and only with DOCKHAND_ALLOW_EXEC=1:
 * reading the kernel's socket tables to see which address a server listens on.
 * Fixed argv, never a shell, nothing that writes.
 */
export const ALLOWED_EXEC: ReadonlyArray<readonly string[]> = [
  ['cat', '/proc/net/tcp'],
  ['cat', '/proc/net/tcp6'],
];

export function isAllowedExec(argv: unknown): argv is string[] {
  return (
    Array.isArray(argv) &&
    ALLOWED_EXEC.some((allowed) => allowed.length === argv.length && allowed.every((word, i) => argv[i] === word))
  );
}
