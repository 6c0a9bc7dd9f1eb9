import type { Translate } from '../core/locale.ts';
import { installedPackages } from './commands.ts';
import { stripQuotes, type ParsedDockerfile, type Stage } from './dockerfile.ts';
import { byValue, type ReviewFinding } from './finding.ts';
import { code, copiesWholeContext, lineage } from './rule.ts';

/** What the image will be: the final stage with what it builds on, and the changes worth most. */
export interface ReviewSummary {
  stages: number;
  final: {
    /** `AS` name, or its 1-based number. */
    label: string;
    base: string;
    /** Layers the Dockerfile adds (RUN, COPY, ADD), on top of the base image's own. */
    layers: number;
    layersBy: Record<string, number>;
    packages: string[];
    copies: string[];
    /** The last USER; undefined when none is set (root, unless the base image sets one). */
    user?: string;
    ports: string[];
    start?: string;
  };
  /** The two most valuable changes (distinct rules), most valuable first. */
  firstChanges: ReviewFinding[];
  /** Line of the first `COPY . .` (the whole context), if any: worth a `.dockerignore` check. */
  wholeContextCopy?: number;
}

const LAYER_KEYWORDS = ['RUN', 'COPY', 'ADD'];

export function summarize(file: ParsedDockerfile, final: Stage, findings: ReviewFinding[]): ReviewSummary {
  const chain = lineage(file, final).reverse();
  const instructions = chain.flatMap((s) => s.instructions);
  const layersBy: Record<string, number> = {};
  for (const i of instructions)
    if (LAYER_KEYWORDS.includes(i.keyword)) layersBy[i.keyword] = (layersBy[i.keyword] ?? 0) + 1;
  const last = (keyword: string) => instructions.filter((i) => i.keyword === keyword).at(-1);
  const entrypoint = last('ENTRYPOINT');
  const cmd = last('CMD');
  const start = [entrypoint, cmd]
    .filter((i) => i !== undefined)
    .map((i) => (i.exec ? i.exec.join(' ') : i.args.trim()))
    .join(' ');
  const user = last('USER');
  const root = chain[0] ?? final;
  const wholeCopy = file.instructions.find(copiesWholeContext);
  const firstChanges: ReviewFinding[] = [];
  for (const f of [...findings].sort(byValue)) {
    if (firstChanges.length < 2 && !firstChanges.some((c) => c.code === f.code)) firstChanges.push(f);
  }
  return {
    stages: file.stages.length,
    final: {
      label: final.name ?? String(final.index + 1),
      base: root.from.resolved ?? root.from.written,
      layers: Object.values(layersBy).reduce((a, b) => a + b, 0),
      layersBy,
      packages: [...new Set(instructions.flatMap((i) => i.shell?.commands.flatMap(installedPackages) ?? []))].map(
        (p) => p.split('=')[0] ?? p,
      ),
      copies: instructions.filter((i) => i.keyword === 'COPY' || i.keyword === 'ADD').map(copyLine),
      ...(user ? { user: stripQuotes(user.args.trim()) } : {}),
      ports: instructions.filter((i) => i.keyword === 'EXPOSE').flatMap((i) => i.words),
      ...(start ? { start } : {}),
    },
    firstChanges,
    ...(wholeCopy ? { wholeContextCopy: wholeCopy.line } : {}),
  };
}

function copyLine(i: Stage['instructions'][number]): string {
  const from = i.flags.find((f) => f.name === 'from')?.value;
  const words = i.exec ?? i.words.map(stripQuotes);
  const target = words.at(-1) ?? '';
  const sourcesText = i.heredocs.length ? '<<heredoc' : words.slice(0, -1).join(' ');
  return `${i.keyword}${from ? ` --from=${from}` : ''} ${sourcesText} → ${target}`;
}

/** The summary as short lines of Markdown for the reply. */
export function summaryLines(summary: ReviewSummary, t: Translate): { image: string; first: string } {
  const { final } = summary;
  const by = Object.entries(final.layersBy)
    .map(([k, n]) => `${k} ${n}`)
    .join(' · ');
  const lines = [
    t({
      ko: `${code(final.base)} 위에 레이어 ${final.layers}개${by ? ` (${by})` : ''}`,
      en: `${final.layers} layer(s) on top of ${code(final.base)}${by ? ` (${by})` : ''}`,
    }),
  ];
  if (summary.stages > 1) {
    lines.push(
      t({
        ko: `${summary.stages}단계 중 마지막 단계 ${code(final.label)}만 이미지가 돼요 — 앞 단계는 빌드에만 쓰여요.`,
        en: `Of ${summary.stages} stages only the last, ${code(final.label)}, becomes the image; the others only build.`,
      }),
    );
  }
  if (final.packages.length) {
    lines.push(t({ ko: '설치: ', en: 'Installs: ' }) + clipList(final.packages.map(code), 12));
  }
  if (final.copies.length) lines.push(t({ ko: '복사: ', en: 'Copies: ' }) + clipList(final.copies.map(code), 6));
  const runs = [
    final.user
      ? t({ ko: `사용자 ${code(final.user)}`, en: `user ${code(final.user)}` })
      : t({ ko: '사용자 지정 없음(보통 root)', en: 'no USER (usually root)' }),
    ...(final.ports.length ? [t({ ko: `포트 ${final.ports.join(', ')}`, en: `port ${final.ports.join(', ')}` })] : []),
    final.start
      ? t({ ko: `시작 명령 ${code(final.start)}`, en: `starts ${code(final.start)}` })
      : t({ ko: '시작 명령은 베이스 이미지 것', en: 'start command from the base image' }),
  ];
  lines.push(t({ ko: '실행: ', en: 'Runs: ' }) + runs.join(' · '));
  const first = summary.firstChanges
    .map((f, i) => `${i + 1}. **${f.title}** — ${t({ ko: `${f.line}행`, en: `line ${f.line}` })} \`${f.code}\``)
    .join('\n');
  return { image: lines.join('\n'), first };
}

function clipList(items: string[], max: number): string {
  return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} … (+${items.length - max})`;
}
