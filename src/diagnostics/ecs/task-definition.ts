import { z } from 'zod';
import { UserError } from '../../core/errors.ts';

const PortMapping = z.looseObject({
  containerPort: z.number().int().min(0).max(65535).optional(),
  hostPort: z.number().int().min(0).max(65535).optional(),
  protocol: z.string().optional(),
});

const ContainerDefinition = z.looseObject({
  name: z.string().min(1),
  image: z.string().min(1),
  essential: z.boolean().optional(),
  portMappings: z.array(PortMapping).optional(),
  links: z.array(z.string()).optional(),
  volumesFrom: z
    .array(z.looseObject({ sourceContainer: z.string().min(1), readOnly: z.boolean().optional() }))
    .optional(),
  mountPoints: z
    .array(
      z.looseObject({
        sourceVolume: z.string().optional(),
        containerPath: z.string(),
        readOnly: z.boolean().optional(),
      }),
    )
    .optional(),
});

const TaskDefinitionShape = z.looseObject({
  family: z.string().optional(),
  networkMode: z.enum(['awsvpc', 'bridge', 'host', 'none']).optional(),
  requiresCompatibilities: z.array(z.string()).optional(),
  containerDefinitions: z.array(ContainerDefinition).min(1),
});

export type ContainerDefinition = z.infer<typeof ContainerDefinition>;

export type NetworkMode = 'awsvpc' | 'bridge' | 'host' | 'none';

/** A task definition as the checks see it: the network mode settled, containers in order. */
export interface TaskDefinition {
  family?: string;
  /** The mode ECS uses: as written, awsvpc for Fargate, else bridge (the EC2 default). */
  networkMode: NetworkMode;
  /** Where the mode came from, for evidence. */
  networkModeSource: 'written' | 'fargate' | 'default';
  containers: ContainerDefinition[];
  /** Which form was given: a whole task definition, `describe-task-definition` output, or only container definitions. */
  form: 'task-definition' | 'describe-output' | 'container-definitions';
}

const MAX_CHARS = 512 * 1024;

/**
 * Reads a task definition members paste or attach, in any of its usual forms: the registered
 * JSON (`{"family", "containerDefinitions", …}`), `aws ecs describe-task-definition` output
 * (`{"taskDefinition": {…}}`), the `containerDefinitions` array alone, the
 * `"containerDefinitions": [...]` member cut out of a file, or one container definition. A
 * Markdown code fence around it is fine. Invalid JSON or JSON that is not a task definition is
 * a UserError that says where and what.
 */
export function parseTaskDefinition(raw: string): TaskDefinition {
  const text = unfence(raw);
  if (!text.trim()) {
    throw new UserError('taskdef-empty', {
      ko: '작업 정의가 비어 있어요. JSON을 붙여 넣거나 파일을 지정해 주세요.',
      en: 'The task definition is empty. Paste its JSON or give a file.',
    });
  }
  if (text.length > MAX_CHARS) {
    throw new UserError('taskdef-too-large', {
      ko: `작업 정의가 너무 커요 (${Math.round(text.length / 1024)} KB, 최대 ${MAX_CHARS / 1024} KB).`,
      en: `The task definition is too large (${Math.round(text.length / 1024)} KB, at most ${MAX_CHARS / 1024} KB).`,
    });
  }
  const value = parseJson(text);
  const { candidate, form } = unwrap(value);
  const parsed = TaskDefinitionShape.safeParse(candidate);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((issue) => describeIssue(issue, candidate));
    throw new UserError('taskdef-invalid', {
      ko: `ECS 작업 정의로 읽을 수 없어요: ${issues.join('; ')}. 작업 정의 JSON(콘솔의 "JSON" 탭, \`aws ecs describe-task-definition\` 출력) 또는 \`containerDefinitions\` 배열을 주세요.`,
      en: `This is not an ECS task definition: ${issues.join('; ')}. Give the task definition JSON (the console's "JSON" tab, \`aws ecs describe-task-definition\` output) or the \`containerDefinitions\` array.`,
    });
  }
  const data = parsed.data;
  const fargate = (data.requiresCompatibilities ?? []).some((c) => c.toUpperCase() === 'FARGATE');
  return {
    ...(data.family ? { family: data.family } : {}),
    networkMode: data.networkMode ?? (fargate ? 'awsvpc' : 'bridge'),
    networkModeSource: data.networkMode ? 'written' : fargate ? 'fargate' : 'default',
    containers: data.containerDefinitions,
    form,
  };
}

/** The text inside a ```json … ``` fence, when there is one. */
function unfence(raw: string): string {
  const fenced = /```[a-zA-Z]*\s*\n?([\s\S]*?)```/.exec(raw);
  return (fenced?.[1] ?? raw).replace(/^\uFEFF/, '').trim();
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    // `"containerDefinitions": [ … ]` cut out of a whole file: one member without its braces.
    if (/^"[A-Za-z]+"\s*:/.test(text)) {
      try {
        return JSON.parse(`{${text.replace(/,\s*$/, '')}}`);
      } catch {
        // report the error of the text as given
      }
    }
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message);
    const where = position ? lineColumn(text, Number(position[1])) : undefined;
    const at = where
      ? { ko: ` (${where.line}번째 줄 ${where.column}번째 글자)`, en: ` (line ${where.line}, column ${where.column})` }
      : { ko: '', en: '' };
    const said = message.replace(/ in JSON at position \d+.*$/, '').replace(/, ".*" is not valid JSON$/, '');
    throw new UserError('taskdef-invalid-json', {
      ko: `작업 정의가 올바른 JSON이 아니에요${at.ko}: ${said}. 마지막 항목 뒤의 쉼표, 따옴표 빠짐, 괄호 짝을 확인해 주세요.`,
      en: `The task definition is not valid JSON${at.en}: ${said}. Check for a trailing comma, a missing quote, unbalanced brackets.`,
    });
  }
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function unwrap(value: unknown): { candidate: unknown; form: TaskDefinition['form'] } {
  if (Array.isArray(value)) return { candidate: { containerDefinitions: value }, form: 'container-definitions' };
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (record.taskDefinition && typeof record.taskDefinition === 'object')
      return { candidate: record.taskDefinition, form: 'describe-output' };
    if ('containerDefinitions' in record) {
      const keys = Object.keys(record);
      return { candidate: record, form: keys.length === 1 ? 'container-definitions' : 'task-definition' };
    }
    if ('image' in record && 'name' in record)
      return { candidate: { containerDefinitions: [record] }, form: 'container-definitions' };
  }
  return { candidate: value, form: 'task-definition' };
}

function describeIssue(issue: z.core.$ZodIssue, candidate: unknown): string {
  const path = issue.path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
  if (!path)
    return `expected a JSON object, got ${Array.isArray(candidate) ? 'an array' : candidate === null ? 'null' : typeof candidate}`;
  const missing = issue.code === 'invalid_type' && valueAt(candidate, issue.path) === undefined;
  return `${path}: ${missing ? 'missing' : issue.message}`;
}

function valueAt(value: unknown, path: PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
