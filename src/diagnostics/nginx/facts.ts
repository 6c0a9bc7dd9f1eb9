import type { ArchiveEntry } from '../../docker/archive.ts';
import type { HostBinding } from '../../docker/engine-types.ts';
import type { ProbeResult } from '../../docker/http-probe.ts';
import type { Layer } from '../../docker/layers.ts';
import type { LogLine } from '../../docker/log-reader.ts';
import type { ContainerInspect, ContainerSummary } from '../../docker/service.ts';
import type { ConfTree } from './conf-tree.ts';
import type { HttpModel } from './servers.ts';

/** The image fields this diagnosis reads beyond the shared ImageInspect (RepoDigests, WorkingDir). */
export interface ImageDetails {
  id: string;
  repoTags: string[];
  repoDigests: string[];
  created: string;
  workingDir: string;
  labels: Record<string, string>;
}

/** nginx's configuration as read from the container (`/etc/nginx`), loaded and modelled. */
export interface NginxConf {
  /** Every entry of /etc/nginx that was read (files, folders, symlinks). */
  entries: ArchiveEntry[];
  /** Text of each configuration file, symlinks resolved: absolute path → text. */
  files: ReadonlyMap<string, string>;
  tree: ConfTree;
  model: HttpModel;
  /** The byte or entry cap stopped the read: some files may be missing. */
  truncated: boolean;
}

/** One HTTP probe of a published port with a chosen Host header. */
export interface HostProbe {
  hostHeader: string;
  url: string;
  containerPort: number;
  /** The container that owns the published port (another one when it holds this container's port). */
  answeredBy: string;
  result: ProbeResult;
}

/**
 * A host port one container asked for while another holds it. Seen from the container that
 * could not get it, `blocked` is absent; seen from the holder (diagnosis by port), it names
 * the container that asked for the port in vain.
 */
export interface PortHolder {
  hostPort: number;
  /** The binding that was asked for (`-p 127.0.0.1:8080:80`). */
  binding: HostBinding;
  /** `80/tcp`: the container port the asking container wanted to publish. */
  containerPort: string;
  holder: ContainerSummary;
  blocked?: string;
}

/**
 * Everything the nginx path checks look at, read once: the container and its image, the
 * tag's current image, the history as layers, the log's tail, nginx's configuration and the
 * index files of its html roots, probes with two Host headers, and who holds the host ports.
 */
export interface NginxFacts {
  container: ContainerInspect;
  image: ImageDetails | undefined;
  /** The image `Config.Image` names now (undefined when it is an id, gone, or not visible). */
  tagImage: { id: string; created: string } | undefined;
  /** Tags of the running image that name Docker Hub's nginx (`nginx:latest`, `nginx:1.23.1-alpine`). */
  stockNamedTags: string[];
  layers: Layer[];
  logs: LogLine[];
  /** Undefined when the container has no /etc/nginx (not an nginx container). */
  conf: NginxConf | undefined;
  /** `<root>/<index>` read from the container: text, or null when the file does not exist. */
  indexFiles: ReadonlyMap<string, string | null>;
  probes: HostProbe[];
  portHolders: PortHolder[];
}
