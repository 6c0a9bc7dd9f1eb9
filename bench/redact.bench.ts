/**
 * Redaction throughput (issue 13): 1 MB of plain log lines beside 1 MB of each worst case
 * (inputs built to make backtracking explode: `key a.a.a…`, unclosed quotes, `://` without
 * `@`, …), as one text (`scan`, for env/labels/commands) and line by line (`LineRedactor`,
 * the log reader's path), and the issue's own case: 9,000 lines of 4,000 characters of
 * `key a.a.a…`, which stalled `docker logs` for 19 s.
 *
 * Each worst case is compared with plain lines of the same width (a megabyte of 12-character
 * lines has 8× the lines of one of 100-character lines, and each line has a fixed cost).
 *
 * Targets: every worst case within 3× plain lines of its width per MB; the issue's 9,000
 * lines under 1 s; each 4,000-character line under 50 ms; peak extra memory under 50 MB.
 */
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { LineRedactor, scan } from '../src/core/redact.ts';
import { ADVERSARIAL, repeat } from '../test/core/redact-samples.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const MB = 1024 * 1024;
const ROUNDS = 5;
const TARGETS = { worstVsPlain: 3, issueCaseMs: 1000, lineMs: 50, memoryMb: 50 } as const;

/** Ordinary log lines: access log, app lines, a few secrets. */
function plainLog(size: number): string {
  const out: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const full =
      i % 50 === 0
        ? `2024-05-01T09:00:00Z connecting to postgres://app:s3cret${i}@db:5432/app with DB_PASSWORD=pw${i}`
        : i % 7 === 0
          ? `2024-05-01T09:00:00Z level=warn msg="slow request" path=/api/items/${i} ms=${i % 900}`
          : `172.17.0.1 - - [01/May/2024:09:00:00 +0000] "GET /static/app.${i}.js HTTP/1.1" 200 ${1000 + i} "-" "Mozilla/5.0"`;
    out.push(full);
    length += full.length + 1;
  }
  return out.join('\n').slice(0, size);
}

/** The same ordinary text, rewrapped into lines of `width` characters. */
function plainOfWidth(plain: string, width: number): string {
  const flat = plain.replaceAll('\n', ' ');
  const out: string[] = [];
  for (let at = 0; at < flat.length; at += width) out.push(flat.slice(at, at + width));
  return out.join('\n').slice(0, plain.length);
}

/** The fastest of a few rounds, in ms. */
function fastest(run: () => void): number {
  let best = Infinity;
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    run();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

function byLines(text: string): void {
  const redactor = new LineRedactor();
  for (const line of text.split('\n')) redactor.line(line);
}

/** Extra heap while `run` works, sampled by a finalizer-free trick: heap after minus before, GC'd first. */
function peakExtraMb(run: () => void): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 1);
  run();
  clearInterval(sample);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  return (peak - before) / MB;
}

export default function redactBench(): void {
  const plain = plainLog(MB);
  fastest(() => scan(plain));
  const plainScan = fastest(() => scan(plain));
  const plainLines = fastest(() => {
    byLines(plain);
  });
  const rate = (ms: number) => `${((1000 / ms) * (MB / MB)).toFixed(0).padStart(5)} MB/s`;
  console.log(
    'input (1 MB)                          scan ms   (rate)       line by line ms  (rate)   × plain of its width  (width)',
  );
  console.log(
    `${'plain log lines'.padEnd(36)} ${plainScan.toFixed(1).padStart(7)}  ${rate(plainScan)}  ${plainLines.toFixed(1).padStart(9)}  ${rate(plainLines)}`,
  );

  let worst = { name: '', ratio: 0 };
  let peakMb = 0;
  for (const [name, build] of Object.entries(ADVERSARIAL)) {
    const text = build(MB);
    const width = Math.max(1, Math.round(text.length / (text.split('\n').length || 1)) - 1);
    const baseline = plainOfWidth(plain, width);
    const baseText = fastest(() => scan(baseline));
    const baseLines = fastest(() => {
      byLines(baseline);
    });
    const asText = fastest(() => scan(text));
    const asLines = fastest(() => {
      byLines(text);
    });
    const ratio = Math.max(asText / baseText, asLines / baseLines);
    if (ratio > worst.ratio) worst = { name, ratio };
    peakMb = Math.max(
      peakMb,
      peakExtraMb(() => scan(text)),
    );
    console.log(
      `${name.slice(0, 36).padEnd(36)} ${asText.toFixed(1).padStart(7)}  ${rate(asText)}  ${asLines.toFixed(1).padStart(9)}  ${rate(asLines)}  ${ratio.toFixed(1).padStart(6)}×  ${String(width).padStart(7)}`,
    );
  }

  // The issue's case: `docker logs` over 9,000 lines of 4,000 characters of `key a.a.a…`.
  const issueLine = 'key ' + repeat('a.')(3996);
  const issueLog = Array.from({ length: 9000 }, () => issueLine).join('\n');
  const issueMs = fastest(() => {
    byLines(issueLog);
  });
  const lineMs = fastest(() => scan(issueLine));
  console.log(
    `\nissue 13's log: 9,000 lines × 4,000 chars of \`key a.a.a…\` (${(issueLog.length / MB).toFixed(1)} MB) line by line: ${issueMs.toFixed(0)} ms (was 19 s); one line: ${lineMs.toFixed(3)} ms (was ~33 ms)`,
  );

  const checks: Array<[string, boolean]> = [
    [
      `worst case within ${TARGETS.worstVsPlain}× plain lines per MB (worst: ${worst.name}, ${worst.ratio.toFixed(1)}×)`,
      worst.ratio <= TARGETS.worstVsPlain,
    ],
    [`issue's 9,000 lines under ${TARGETS.issueCaseMs} ms (${issueMs.toFixed(0)} ms)`, issueMs < TARGETS.issueCaseMs],
    [`a 4,000-character worst line under ${TARGETS.lineMs} ms (${lineMs.toFixed(3)} ms)`, lineMs < TARGETS.lineMs],
    [
      `peak extra memory redacting 1 MB under ${TARGETS.memoryMb} MB (${peakMb.toFixed(1)} MB)`,
      peakMb < TARGETS.memoryMb,
    ],
  ];
  console.log('');
  for (const [what, ok] of checks) console.log(`${ok ? 'ok    ' : 'MISSED'} ${what}`);
}
