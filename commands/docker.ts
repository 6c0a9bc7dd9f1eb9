import { defineGroup } from '../src/core/command.ts';
import { containers } from './docker/containers.ts';
import { history } from './docker/history.ts';
import { images } from './docker/images.ts';
import { inspect } from './docker/inspect.ts';
import { logs } from './docker/logs.ts';
import { ports } from './docker/ports.ts';

export default defineGroup({
  name: 'docker',
  nameKo: '도커',
  description: { ko: '공유 Docker 호스트 살펴보기 (읽기 전용)', en: 'Look at the shared Docker host (read-only)' },
  slow: true,
  cooldownSeconds: 3,
  subcommands: [containers, images, history, logs, ports, inspect],
});
