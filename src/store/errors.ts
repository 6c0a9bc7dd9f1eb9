/**
 * The database file cannot be used as it is: a folder in its place, a folder that cannot be
 * created, not a SQLite file, damaged, or written by a newer dockhand. The message says what
 * to do; nothing was written to the file.
 */
export class StoreError extends Error {
  constructor(
    readonly kind: 'location' | 'not-a-database' | 'damaged' | 'newer-schema' | 'unreadable',
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}
