/**
 * One of many processes opening the same database at once (test/store/opening.test.ts):
 * waits until the agreed start time so they really race, then opens and closes the store.
 */
import { Store } from '../../src/store/store.ts';

const [path = '', startAt = '0'] = process.argv.slice(2);
const wait = Number(startAt) - Date.now();
if (wait > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, wait);
try {
  Store.open(path).close();
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
}
