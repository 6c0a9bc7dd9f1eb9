import type { Layer } from '../docker/layers.ts';
import { formatBytes } from '../docker/layers.ts';
import type { Translate } from '../core/locale.ts';
import { withParticle } from '../core/korean-particles.ts';

export type HistoryHintCode = 'apt-lists-left' | 'add-instead-of-copy' | 'many-run-layers' | 'large-copy-context';

/** A chapter-4 (Dockerfile) lesson the image's history suggests. Not a finding: the image works. */
export interface HistoryHint {
  code: HistoryHintCode;
  title: string;
  detail: string;
  /** 1-based layer numbers in Dockerfile order. */
  layers: number[];
  /** Chapter-4 note anchors that teach the fix, best first. */
  anchors: string[];
  /** Troubleshooting sections (`<doc>#<anchor>`) that go deeper, used only if they exist. */
  playbookSections: string[];
}

/** Consecutive RUN layers at or above this count suggest joining them with `&&`. */
export const MANY_RUN_LAYERS = 3;
/** A directory COPY at least this large suggests checking .dockerignore. */
export const LARGE_COPY_BYTES = 10 * 1024 * 1024;

const PACKAGE_INSTALL = /\b(?:apt-get|apt)\s+(?:-\S+\s+)*(?:update|install)\b/;
const APT_LISTS_REMOVED = /rm\s+-[rf]+\s+[^;&|]*\/var\/lib\/apt\/lists/;
const APK_ADD = /\bapk\s+(?:-\S+\s+)*add\b/;
const ARCHIVE_OR_URL = /^(?:--\S+\s+)*(?:\S*\.(?:tar|tgz|tbz2?|txz|tar\.(?:gz|bz2|xz|zst))|https?:\/\/\S+|git@\S+)\s/i;

export function historyHints(layers: Layer[], t: Translate): HistoryHint[] {
  return [aptLists(layers, t), addInsteadOfCopy(layers, t), manyRuns(layers, t), largeCopy(layers, t)].filter(
    (hint): hint is HistoryHint => hint !== undefined,
  );
}

function aptLists(layers: Layer[], t: Translate): HistoryHint | undefined {
  const found = layers.filter(
    (l) =>
      l.instruction === 'RUN' &&
      ((PACKAGE_INSTALL.test(l.args) && !APT_LISTS_REMOVED.test(l.args)) ||
        (APK_ADD.test(l.args) && !/--no-cache/.test(l.args))),
  );
  if (found.length === 0) return undefined;
  const size = found.reduce((sum, l) => sum + l.size, 0);
  return {
    code: 'apt-lists-left',
    title: t({ ko: '패키지 목록 캐시가 레이어에 남아 있어요', en: 'Package index caches are left in the layers' }),
    detail: t({
      ko:
        `\`apt-get update\`가 받은 /var/lib/apt/lists (수십 MB)를 같은 RUN에서 지우지 않았어요 (레이어 합계 ${formatBytes(size)}). ` +
        `같은 RUN 끝에 \`&& rm -rf /var/lib/apt/lists/*\`를 붙이세요 (Alpine은 \`apk add --no-cache\`). ` +
        `다음 RUN에서 지우면 용량이 줄지 않아요.`,
      en:
        `The /var/lib/apt/lists fetched by \`apt-get update\` (tens of MB) ` +
        `is not removed in the same RUN (layers total ${formatBytes(size)}). ` +
        `End that RUN with \`&& rm -rf /var/lib/apt/lists/*\` (Alpine: \`apk add --no-cache\`). ` +
        `Deleting it in a later RUN does not shrink the image.`,
    }),
    layers: found.map((l) => l.index),
    anchors: ['considerations', 'build-cache'],
    playbookSections: ['troubleshooting/image-too-large#clean-layers'],
  };
}

function addInsteadOfCopy(layers: Layer[], t: Translate): HistoryHint | undefined {
  const found = layers.filter((l) => l.instruction === 'ADD' && !isBaseRootfs(l) && !ARCHIVE_OR_URL.test(`${l.args} `));
  if (found.length === 0) return undefined;
  return {
    code: 'add-instead-of-copy',
    title: t({ ko: 'ADD 대신 COPY로 충분해 보여요', en: 'COPY would do where ADD is used' }),
    detail: t({
      ko: 'ADD는 로컬 tar 압축을 자동으로 풀고 URL을 받아오는 특별한 동작이 있어요. 파일을 그대로 복사할 뿐이라면 동작이 예측 가능한 COPY를 쓰세요.',
      en:
        'ADD auto-extracts local tar archives and fetches URLs. ' +
        'To copy files as they are, use COPY: it does only that.',
    }),
    layers: found.map((l) => l.index),
    anchors: ['instruction-reference'],
    playbookSections: [],
  };
}

function manyRuns(layers: Layer[], t: Translate): HistoryHint | undefined {
  const runs: Layer[][] = [];
  let current: Layer[] = [];
  for (const layer of layers) {
    if (layer.instruction === 'RUN') current.push(layer);
    else {
      if (current.length >= MANY_RUN_LAYERS) runs.push(current);
      current = [];
    }
  }
  if (current.length >= MANY_RUN_LAYERS) runs.push(current);
  if (runs.length === 0) return undefined;
  const longest = Math.max(...runs.map((r) => r.length));
  return {
    code: 'many-run-layers',
    title: t({ ko: `RUN 레이어가 ${longest}개 연달아 있어요`, en: `${longest} RUN layers in a row` }),
    detail: t({
      ko: 'RUN 하나가 레이어 하나예요. 관련된 명령은 `&&`로 한 RUN에 묶으면 레이어가 줄고, 중간에 만든 임시 파일을 같은 RUN에서 지울 수 있어요.',
      en:
        'Each RUN is a layer. Join related commands into one RUN with `&&`: ' +
        'fewer layers, and temporary files can be removed in the same RUN.',
    }),
    layers: runs.flat().map((l) => l.index),
    anchors: ['considerations', 'build-cache'],
    playbookSections: ['troubleshooting/image-too-large#clean-layers'],
  };
}

function largeCopy(layers: Layer[], t: Translate): HistoryHint | undefined {
  const base = baseFilesystemLayer(layers);
  const found = layers.filter(
    (l) => l !== base && l.instruction === 'COPY' && l.size >= LARGE_COPY_BYTES && isWholeContext(l.args),
  );
  if (found.length === 0) return undefined;
  return {
    code: 'large-copy-context',
    title: t({
      ko: '디렉터리를 통째로 복사한 큰 레이어가 있어요 (`COPY . .` 등)',
      en: 'A large layer copies a whole directory (`COPY . .` or similar)',
    }),
    detail: t({
      ko:
        `디렉터리 COPY 레이어가 ${withParticle(found.map((l) => formatBytes(l.size)).join(', '), '이에요/예요')}. ` +
        `필요 없는 파일이 빌드 컨텍스트에서 함께 들어갔는지 확인하고, \`.dockerignore\`에 \`.git\`, \`node_modules\`, 가상환경, 빌드 결과물, ` +
        `\`.env\`를 적어 빼세요.`,
      en:
        `A directory COPY layer is ${found.map((l) => formatBytes(l.size)).join(', ')}. ` +
        `Check whether files the image does not need came along from the build context, and list \`.git\`, ` +
        `\`node_modules\`, virtualenvs, build output and \`.env\` in \`.dockerignore\`.`,
    }),
    layers: found.map((l) => l.index),
    anchors: ['dockerignore', 'build-context'],
    playbookSections: ['troubleshooting/image-too-large#dockerignore'],
  };
}

/**
 * The base image's root filesystem: the oldest layer, when it adds or copies into `/`
 * (`ADD file:… in /`, `COPY dir:… in /`, `ADD rootfs.tar.xz /`). It is the distribution the
 * image starts from, not a COPY of the member's to trim.
 */
export function baseFilesystemLayer(layers: Layer[]): Layer | undefined {
  const [first] = layers;
  if (!first || (first.instruction !== 'ADD' && first.instruction !== 'COPY')) return undefined;
  return isBaseRootfs(first) ? first : undefined;
}

/** An ADD or COPY into `/`: `ADD file:… in /` (or a rootfs tarball at /). */
function isBaseRootfs(layer: Layer): boolean {
  return /\sin \/\s*$/.test(` ${layer.args} `) || /\s\/$/.test(layer.args.trim());
}

/** `COPY . .`, `COPY . /app`, or the legacy builder's `COPY dir:<hash> in /app`. */
function isWholeContext(args: string): boolean {
  return /^(?:--\S+\s+)*\.\/?\s+\S+$/.test(args.trim()) || /^dir:[0-9a-f]+ in /.test(args.trim());
}
