/**
 * Docker benchmarks: reading a log tail (demux + line split + redaction) and the wall
 * time of `diagnose` per container on the real engine (skipped without one).
 */
import { performance } from 'node:perf_hooks';
import type Dockerode from 'dockerode';
import { loadConfig } from '../src/config.ts';
import { systemClock } from '../src/core/clock.ts';
import { translator } from '../src/core/locale.ts';
import { createLogger } from '../src/core/logger.ts';
import { diagnose } from '../src/diagnostics/diagnose.ts';
import { gatherFacts } from '../src/diagnostics/gather.ts';
import { readLogTail } from '../src/docker/log-reader.ts';
import { DockerService } from '../src/docker/service.ts';
import { KnowledgeBase } from '../src/knowledge/knowledge-base.ts';
import { PROJECT_ROOT } from '../src/paths.ts';
import { median } from './stats.ts';
import { adminDocker, probeDocker } from '../test/support/engine.ts';
import { ensureBusyboxImage } from '../test/support/images.ts';
import { ensureWebImage, freePort, removeAll, startScenario, waitFor, WEB_IMAGE } from '../test/support/scenarios.ts';

const TAIL_LINES = 10_000;
const RUNS = 15;

export default async function dockerBench(): Promise<void> {
  await benchLogTail();
  await benchDiagnose();
}

/** A realistic multiplexed log: access lines, app lines, some secrets to redact. */
function multiplexedLog(lines: number): Buffer {
  const frames: Buffer[] = [];
  for (let i = 0; i < lines; i++) {
    const stamp = new Date(Date.UTC(2024, 4, 1, 9, 0, 0, i)).toISOString().replace('Z', '123456Z');
    const text =
      i % 50 === 0
        ? `${stamp} connecting to postgres://app:s3cret${i}@db:5432/app with DB_PASSWORD=pw${i}\n`
        : i % 7 === 0
          ? `${stamp} level=warn msg="slow request" path=/api/items/${i} ms=${i % 900}\n`
          : `${stamp} 172.17.0.1 - - [01/May/2024:09:00:00 +0000] ` +
            `"GET /static/app.${i}.js HTTP/1.1" 200 ${1000 + i} "-" "Mozilla/5.0"\n`;
    const payload = Buffer.from(text);
    const header = Buffer.alloc(8);
    header[0] = i % 5 === 0 ? 2 : 1;
    header.writeUInt32BE(payload.length, 4);
    frames.push(header, payload);
  }
  return Buffer.concat(frames);
}

// The reader takes an async source, as the engine's stream is; this one has nothing to wait for.
// eslint-disable-next-line @typescript-eslint/require-await
async function* inChunks(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size);
}

async function benchLogTail(): Promise<void> {
  const log = multiplexedLog(TAIL_LINES);
  const times: number[] = [];
  let last: Awaited<ReturnType<typeof readLogTail>> | undefined;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    last = await readLogTail(inChunks(log, 16 * 1024), {
      tty: false,
      timestamps: true,
      maxLines: TAIL_LINES,
      maxChars: 4 * 1024 * 1024,
    });
    times.push(performance.now() - started);
  }
  const ms = median(times);
  console.log(`log tail: ${TAIL_LINES} lines (${(log.length / 1024).toFixed(0)} KiB) demux + split + redact`);
  const range = `min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}`;
  const rate = Math.round(TAIL_LINES / (ms / 1000)).toLocaleString('en');
  console.log(`  median ${ms.toFixed(1)} ms over ${RUNS} runs (${range}) = ${rate} lines/s`);
  if (!last) return;
  console.log(`  kept ${last.lines.length} lines, peak ${last.peakChars.toLocaleString('en')} chars held`);
  const leaked = last.lines.some((l) => /s3cret|pw\d/.test(l.text));
  console.log(`  secrets left in output: ${leaked ? 'YES (bug)' : 'none'}`);
}

async function benchDiagnose(): Promise<void> {
  const probe = await probeDocker();
  if (!probe.ok) {
    console.log(`diagnose: skipped (${probe.reason})`);
    return;
  }
  const admin = adminDocker();
  await ensureBusyboxImage(admin);
  await ensureWebImage(admin);
  const suffix = `${process.pid}`;
  const [healthyPort, loopbackPort] = [await freePort(), await freePort()];
  const scenarios: Array<[string, Parameters<typeof startScenario>[1]]> = [
    ['exited', { name: `dockhand-bench-exited-${suffix}`, cmd: ['sh', '-c', 'echo bye; exit 1'] }],
    [
      'healthy web (published, probed)',
      { name: `dockhand-bench-web-${suffix}`, image: WEB_IMAGE, publish: { '80/tcp': healthyPort } },
    ],
    [
      'loopback (published, probe reset)',
      {
        name: `dockhand-bench-loopback-${suffix}`,
        cmd: ['httpd', '-f', '-p', '127.0.0.1:8080'],
        publish: { '8080/tcp': loopbackPort },
      },
    ],
  ];
  const containers: Dockerode.Container[] = [];
  try {
    containers.push(...(await Promise.all(scenarios.map(([, spec]) => startScenario(admin, spec)))));
    await waitFor('web to answer', async () =>
      fetch(`http://127.0.0.1:${healthyPort}/`).then(
        (r) => r.ok,
        () => false,
      ),
    );
    const docker = new DockerService(
      loadConfig({ DOCKER_HOST: process.env.DOCKER_HOST }).docker,
      createLogger('silent'),
    );
    const knowledge = KnowledgeBase.load(`${PROJECT_ROOT}/knowledge`, PROJECT_ROOT);
    console.log('diagnose: wall time per container (gather facts + checks), median of 5');
    for (const [label, spec] of scenarios) {
      const times: number[] = [];
      let findings = 0;
      for (let run = 0; run < 5; run++) {
        const started = performance.now();
        const facts = await gatherFacts(docker, spec.name, systemClock, 'Asia/Seoul');
        findings = diagnose(facts, translator('ko'), knowledge).length;
        times.push(performance.now() - started);
      }
      console.log(
        `  ${label.padEnd(36)} ${median(times).toFixed(1)} ms  (${findings} finding${findings === 1 ? '' : 's'})`,
      );
    }
  } finally {
    await removeAll(containers);
  }
}
