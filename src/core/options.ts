import { attachmentTooLarge, DEFAULT_ATTACHMENT_BYTES, type AttachedFile } from './attachment.ts';
import type { OptionSpec, OptionValue } from './command.ts';
import { UserError } from './errors.ts';
import { withParticle } from './korean-particles.ts';

/**
 * An option value the transport has still to fetch (an uploaded file, a file named on the CLI).
 * The dispatcher awaits it inside the command's run, so a failure reaches the member like any
 * other error of the command.
 */
export class PendingValue {
  constructor(readonly load: (signal: AbortSignal) => Promise<unknown>) {}
}

/** The raw options with every pending value loaded. */
export async function settleOptions(
  raw: Record<string, unknown>,
  signal: AbortSignal,
): Promise<Record<string, unknown>> {
  const settled: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(raw)) {
    settled[name] = value instanceof PendingValue ? await value.load(signal) : value;
  }
  return settled;
}

/**
 * Checks raw option values (strings from the console, typed values from Discord)
 * against the definition's specs. Returns typed values or throws a UserError
 * naming the option; both transports go through here.
 */
export function coerceOptions(
  specs: readonly OptionSpec[],
  raw: Record<string, unknown>,
): Record<string, OptionValue | undefined> {
  const known = new Set(specs.map((s) => s.name));
  for (const name of Object.keys(raw)) {
    if (!known.has(name)) {
      throw new UserError('unknown-option', {
        ko: `알 수 없는 옵션 ${withParticle(`\`${name}\``, '이에요/예요')}. 쓸 수 있는 옵션: ${listNames(specs)}`,
        en: `Unknown option \`${name}\`. Options: ${listNames(specs)}`,
      });
    }
  }
  const values: Record<string, OptionValue | undefined> = {};
  for (const spec of specs) {
    const value = raw[spec.name];
    if (value === undefined || value === null || value === '') {
      if (spec.required) {
        throw new UserError('missing-option', {
          ko: `\`${spec.name}\` 옵션이 필요해요: ${spec.description.ko}`,
          en: `The \`${spec.name}\` option is required: ${spec.description.en}`,
        });
      }
      values[spec.name] = undefined;
      continue;
    }
    values[spec.name] = coerceOne(spec, value);
  }
  return values;
}

function coerceOne(spec: OptionSpec, value: unknown): OptionValue {
  switch (spec.type) {
    case 'string': {
      const text = String(value).normalize('NFC');
      if (spec.minLength !== undefined && text.length < spec.minLength) {
        throw invalid(spec, `${spec.minLength}자 이상`, `at least ${spec.minLength} characters`);
      }
      if (spec.maxLength !== undefined && text.length > spec.maxLength) {
        throw invalid(spec, `${spec.maxLength}자 이하`, `at most ${spec.maxLength} characters`);
      }
      if (spec.choices && !spec.choices.some((c) => c.value === text)) {
        const list = spec.choices.map((c) => c.value).join(', ');
        throw invalid(spec, `다음 중 하나: ${list}`, `one of: ${list}`);
      }
      return spec.validate ? spec.validate(text) : text;
    }
    case 'integer':
    case 'number': {
      const number = typeof value === 'number' ? value : Number(String(value).trim());
      if (!Number.isFinite(number) || (spec.type === 'integer' && !Number.isInteger(number))) {
        throw invalid(
          spec,
          spec.type === 'integer' ? '정수' : '숫자',
          spec.type === 'integer' ? 'a whole number' : 'a number',
        );
      }
      if (spec.min !== undefined && number < spec.min) throw invalid(spec, `${spec.min} 이상`, `at least ${spec.min}`);
      if (spec.max !== undefined && number > spec.max) throw invalid(spec, `${spec.max} 이하`, `at most ${spec.max}`);
      if (spec.choices && !spec.choices.some((c) => c.value === number)) {
        const list = spec.choices.map((c) => c.value).join(', ');
        throw invalid(spec, `다음 중 하나: ${list}`, `one of: ${list}`);
      }
      return number;
    }
    case 'user': {
      const text = String(value).trim();
      const id = /^<@!?(\d{17,20})>$/.exec(text)?.[1] ?? text;
      // Discord sends a snowflake; the console and CLI may name any member id they recorded.
      if (!/^[^\s<>]{1,64}$/.test(id)) throw invalid(spec, '사용자 ID 또는 <@ID>', 'a user id or <@id>');
      return id;
    }
    case 'channel':
    case 'role': {
      const mention = spec.type === 'channel' ? /^<#(\d{17,20})>$/ : /^<@&(\d{17,20})>$/;
      const text = String(value).trim();
      const id = /^\d{17,20}$/.test(text) ? text : mention.exec(text)?.[1];
      if (!id) {
        throw spec.type === 'channel'
          ? invalid(spec, '채널 ID(숫자) 또는 <#ID>', 'a channel id (digits) or <#id>')
          : invalid(spec, '역할 ID(숫자) 또는 <@&ID>', 'a role id (digits) or <@&id>');
      }
      return id;
    }
    case 'boolean': {
      if (typeof value === 'boolean') return value;
      const text = String(value).trim().toLowerCase();
      if (['true', '1', 'yes', 'y', 'on', '예', '네'].includes(text)) return true;
      if (['false', '0', 'no', 'n', 'off', '아니오', '아니요'].includes(text)) return false;
      throw invalid(spec, 'true 또는 false', 'true or false');
    }
    case 'attachment': {
      if (!isAttachedFile(value)) {
        throw new UserError('invalid-option', {
          ko: `\`${spec.name}\` 옵션에는 파일을 주세요 (Discord는 첨부, 콘솔과 CLI는 파일 경로).`,
          en: `The \`${spec.name}\` option takes a file (an attachment in Discord, a path on the console and CLI).`,
        });
      }
      const max = spec.maxBytes ?? DEFAULT_ATTACHMENT_BYTES;
      const size = Buffer.byteLength(value.text, 'utf8');
      if (size > max) throw attachmentTooLarge(value.filename, size, max);
      return value;
    }
  }
}

function isAttachedFile(value: unknown): value is AttachedFile {
  if (typeof value !== 'object' || value === null) return false;
  const file = value as Record<string, unknown>;
  return typeof file.filename === 'string' && typeof file.text === 'string';
}

function invalid(spec: OptionSpec, ko: string, en: string): UserError {
  return new UserError('invalid-option', {
    ko: `\`${spec.name}\` 값은 ${withParticle(ko, '이어야/여야')} 해요.`,
    en: `\`${spec.name}\` must be ${en}.`,
  });
}

function listNames(specs: readonly OptionSpec[]): string {
  return specs.length ? specs.map((s) => `\`${s.name}\``).join(', ') : '(없음)';
}
