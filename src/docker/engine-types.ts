import { z } from 'zod';

/**
 * The Engine API answers dockhand reads, validated once at the boundary (API 1.41+).
 * Only the fields dockhand uses; nulls become empty values so the inside never checks.
 * Everything the Docker service returns keeps the Engine's own names (PascalCase, as
 * `docker inspect` prints them and the Engine API documents them), so code, docs and what
 * members see in `docker inspect` use one vocabulary; dockhand's own results (log tails,
 * findings) are camelCase.
 */
const strings = z
  .array(z.string())
  .nullish()
  .transform((v) => v ?? []);
const labels = z
  .record(z.string(), z.string())
  .nullish()
  .transform((v) => v ?? {});
const portSet = z
  .record(z.string(), z.unknown())
  .nullish()
  .transform((v) => Object.keys(v ?? {}));
const text = z
  .string()
  .nullish()
  .transform((v) => v ?? '');
const count = z
  .number()
  .nullish()
  .transform((v) => v ?? 0);

export const HostBinding = z.object({ HostIp: text, HostPort: text });
export type HostBinding = z.infer<typeof HostBinding>;

/** `"80/tcp": [{HostIp, HostPort}]`, or null for an exposed port with no binding. */
const portMap = z
  .record(z.string(), z.array(HostBinding).nullable())
  .nullish()
  .transform((v) => v ?? {});

/**
 * One container of `GET /containers/json`, with `Name`: its first name without the slash
 * (`Names: ["/web"]` → `web`), as `ContainerInspect.Name`.
 */
export const ContainerSummary = z
  .object({
    Id: z.string(),
    Names: strings,
    Image: text,
    ImageID: text,
    State: text,
    Status: text,
    Created: count,
    Labels: labels,
    Ports: z
      .array(
        z.object({
          PrivatePort: z.number(),
          PublicPort: z.number().optional(),
          IP: z.string().optional(),
          Type: z.string(),
        }),
      )
      .nullish()
      .transform((v) => v ?? []),
  })
  .transform((c) => ({ ...c, Name: (c.Names[0] ?? c.Id.slice(0, 12)).replace(/^\//, '') }));
export type ContainerSummary = z.output<typeof ContainerSummary>;
export type PortSummary = ContainerSummary['Ports'][number];

export const ContainerInspect = z.object({
  Id: z.string(),
  Name: z.string().transform((n) => n.replace(/^\//, '')),
  Created: text,
  Path: text,
  Args: strings,
  Image: text,
  RestartCount: count,
  State: z.object({
    Status: text,
    Running: z.boolean().default(false),
    Paused: z.boolean().default(false),
    Restarting: z.boolean().default(false),
    OOMKilled: z.boolean().default(false),
    Dead: z.boolean().default(false),
    Pid: count,
    ExitCode: count,
    Error: text,
    StartedAt: text,
    FinishedAt: text,
    Health: z
      .object({ Status: text, FailingStreak: count })
      .nullish()
      .transform((v) => v ?? undefined),
  }),
  Config: z.object({
    Image: text,
    Env: strings,
    Cmd: strings,
    Entrypoint: z
      .union([z.array(z.string()), z.string()])
      .nullish()
      .transform((v) => (typeof v === 'string' ? [v] : (v ?? []))),
    Labels: labels,
    ExposedPorts: portSet,
    Tty: z.boolean().default(false),
    WorkingDir: text,
    User: text,
  }),
  HostConfig: z
    .object({
      PortBindings: portMap,
      RestartPolicy: z
        .object({ Name: text, MaximumRetryCount: count })
        .nullish()
        .transform((v) => v ?? { Name: '', MaximumRetryCount: 0 }),
      Memory: count,
      NetworkMode: text,
      AutoRemove: z.boolean().default(false),
    })
    .nullish()
    .transform(
      (v) =>
        v ?? {
          PortBindings: {},
          RestartPolicy: { Name: '', MaximumRetryCount: 0 },
          Memory: 0,
          NetworkMode: '',
          AutoRemove: false,
        },
    ),
  NetworkSettings: z
    .object({
      Ports: portMap,
      Networks: z
        .record(z.string(), z.object({ IPAddress: text, Gateway: text, Aliases: strings }))
        .nullish()
        .transform((v) => v ?? {}),
    })
    .nullish()
    .transform((v) => v ?? { Ports: {}, Networks: {} }),
  Mounts: z
    .array(
      z.object({ Type: text, Name: text, Source: text, Destination: text, Mode: text, RW: z.boolean().default(true) }),
    )
    .nullish()
    .transform((v) => v ?? []),
});
export type ContainerInspect = z.infer<typeof ContainerInspect>;

const imageConfig = z
  .object({ ExposedPorts: portSet, Env: strings, Cmd: strings, Labels: labels, WorkingDir: text, User: text })
  .nullish()
  .transform((v) => v ?? { ExposedPorts: [], Env: [], Cmd: [], Labels: {}, WorkingDir: '', User: '' });

export const ImageInspect = z.object({
  Id: z.string(),
  RepoTags: strings,
  RepoDigests: strings,
  Created: text,
  Size: count,
  Config: imageConfig,
});
export type ImageInspect = z.infer<typeof ImageInspect>;

/** One image of `GET /images/json`; untagged images have no `RepoTags` (not `<none>:<none>`). */
export const ImageSummary = z.object({
  Id: z.string(),
  RepoTags: strings.transform((tags) => tags.filter((t) => t !== '<none>:<none>')),
  RepoDigests: strings.transform((digests) => digests.filter((d) => d !== '<none>@<none>')),
  Created: count,
  Size: count,
  Labels: labels,
});
export type ImageSummary = z.output<typeof ImageSummary>;

export const HistoryItem = z.object({
  Id: text,
  Created: count,
  CreatedBy: text,
  Tags: strings,
  Size: count,
  Comment: text,
});
export type HistoryItem = z.infer<typeof HistoryItem>;

export const TopResult = z.object({
  Titles: strings,
  Processes: z
    .array(z.array(z.string()))
    .nullish()
    .transform((v) => v ?? []),
});
export type TopResult = z.infer<typeof TopResult>;

export const ExecCreated = z.object({ Id: z.string() });
