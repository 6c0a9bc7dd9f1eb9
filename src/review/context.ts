import { existsSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { safeName } from '../core/attachment.ts';
import { UserError } from '../core/errors.ts';
import type { BuildContextFacts } from './rule.ts';

/**
 * What DH004 needs to know about a build context folder: whether it has a `.dockerignore`
 * (at its top, or `<Dockerfile name>.dockerignore`, which BuildKit prefers).
 */
export function inspectBuildContext(dir: string, shownAs: string, dockerfileName: string): BuildContextFacts {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(dir).isDirectory();
  } catch {
    isDirectory = false;
  }
  if (!isDirectory) {
    throw new UserError('context-not-found', {
      ko: `빌드 컨텍스트 폴더를 찾을 수 없어요: \`${safeName(shownAs)}\` (\`docker build\`의 마지막 인자로 주는 폴더예요)`,
      en: `No such build context folder: \`${safeName(shownAs)}\` (the folder given as \`docker build\`’s last argument)`,
    });
  }
  const candidates = [`${basename(dockerfileName)}.dockerignore`, '.dockerignore'];
  const found = candidates.find((name) => existsSync(join(dir, name)));
  return found ? { dockerignore: found } : {};
}
