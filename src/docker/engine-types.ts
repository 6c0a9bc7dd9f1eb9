import { z } from 'zod';

/**
 * The Engine API answers dockhand reads, validated once at the boundary (API 1.41+).
 * Only the fields dockhand uses; nulls become empty values so the inside never checks.
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

export const ContainerListItem = z.object({
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
});
export type ContainerListItem = z.infer<typeof ContainerListItem>;

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
  Created: text,
  Size: count,
  Config: imageConfig,
});
export type ImageInspect = z.infer<typeof ImageInspect>;

export const ImageListItem = z.object({
  Id: z.string(),
  RepoTags: strings,
  Created: count,
  Size: count,
  Labels: labels,
  Containers: z.number().default(-1),
});
export type ImageListItem = z.infer<typeof ImageListItem>;

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
export const ExecInspect = z.object({ ExitCode: z.number().nullish(), Running: z.boolean().default(false) });
