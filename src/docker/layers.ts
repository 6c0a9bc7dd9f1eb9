import { redact } from '../core/redact.ts';
import type { HistoryItem } from './engine-types.ts';

/** One image history entry, in Dockerfile order (oldest first). */
export interface Layer {
  /** 1 = the oldest (base) layer. */
  index: number;
  id: string;
  createdAt: Date;
  /** The Dockerfile instruction, uppercase (RUN, COPY, ADD, CMD…). */
  instruction: string;
  /** The instruction's arguments as the builder recorded them, redacted. */
  args: string;
  /** The created-by line as recorded, redacted. */
  createdBy: string;
  size: number;
  /** Metadata only (CMD, ENV, EXPOSE…): no files. */
  empty: boolean;
  comment: string;
}

const INSTRUCTIONS =
  /^(RUN|COPY|ADD|CMD|ENTRYPOINT|ENV|ARG|EXPOSE|WORKDIR|USER|LABEL|VOLUME|HEALTHCHECK|SHELL|ONBUILD|STOPSIGNAL|MAINTAINER)\b\s*(.*)$/s;
const LEGACY_NOP = /^\/bin\/sh -c #\(nop\)\s*(.*)$/s;

/**
 * Reads created-by lines of both builders: the legacy one (`/bin/sh -c #(nop)  CMD …` for
 * metadata, the bare command for RUN, `|2 A=1 B=2 /bin/sh -c …` with build args) and
 * BuildKit (`RUN /bin/sh -c … # buildkit`).
 */
export function parseCreatedBy(createdBy: string): { instruction: string; args: string } {
  let text = createdBy.trim().replace(/\s*# buildkit$/, '');
  const nop = LEGACY_NOP.exec(text);
  if (nop) text = (nop[1] ?? '').trim();
  const match = INSTRUCTIONS.exec(text);
  if (match) return { instruction: match[1] ?? 'RUN', args: (match[2] ?? '').trim() };
  return { instruction: 'RUN', args: text };
}

export function toLayers(history: HistoryItem[]): Layer[] {
  return [...history].reverse().map((item, i) => {
    const createdBy = redact(item.CreatedBy);
    const { instruction, args } = parseCreatedBy(createdBy);
    return {
      index: i + 1,
      id: item.Id,
      createdAt: new Date(item.Created * 1000),
      instruction,
      args,
      createdBy,
      size: item.Size,
      empty: item.Size === 0 && instruction !== 'RUN' && instruction !== 'COPY' && instruction !== 'ADD',
      comment: item.Comment,
    };
  });
}

/** The layers that make up most of the image: at least `share` of it, the biggest first. */
export function dominantLayers(layers: Layer[], share = 0.2, max = 3): Layer[] {
  const total = layers.reduce((sum, l) => sum + l.size, 0);
  if (total === 0) return [];
  return [...layers]
    .filter((l) => l.size / total >= share)
    .sort((a, b) => b.size - a.size)
    .slice(0, max);
}

/** `████░░░░` proportional to the largest layer; a non-empty layer gets at least one block. */
export function sizeBar(size: number, largest: number, width = 12): string {
  if (largest <= 0 || size <= 0) return '░'.repeat(width);
  const filled = Math.max(1, Math.round((size / largest) * width));
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ${units[unit]}`;
}
