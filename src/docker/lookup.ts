import { UserError } from '../core/errors.ts';
import { EngineError, type EngineClient } from './engine-client.ts';
import { ContainerInspect, ImageInspect, type ContainerSummary, type ImageSummary } from './engine-types.ts';
import { containerRef, imageRef } from './names.ts';
import { similarNames } from './similar-names.ts';
import { withParticle } from '../core/korean-particles.ts';

/** What a lookup needs: the engine, and the containers and images the caller may see. */
export interface LookupSource {
  engine: EngineClient;
  isVisibleContainer(container: ContainerInspect): boolean;
  isVisibleImage(image: ImageInspect, signal?: AbortSignal): Promise<boolean>;
  /** Every visible container (not only the first page a list shows). */
  visibleContainers(signal?: AbortSignal): Promise<ContainerSummary[]>;
  visibleImages(signal?: AbortSignal): Promise<ImageSummary[]>;
}

const SHOWN_CANDIDATES = 5;

/**
 * A container by name, id or id prefix, among the visible ones only: the engine's answer is
 * taken when it names a visible container; when it does not (no such container, a prefix it
 * calls ambiguous, or a hidden one), the name is resolved among the visible containers. So a
 * hidden container never changes the answer: `6` finds the one visible container whose id
 * starts with 6, whether or not a hidden one shares the prefix.
 */
export async function findContainer(
  input: string,
  source: LookupSource,
  signal?: AbortSignal,
): Promise<ContainerInspect> {
  const ref = containerRef(input);
  const inspect = (id: string) =>
    orMissing(source.engine.json('GET', `/containers/${encodeURIComponent(id)}/json`, ContainerInspect, { signal }));
  const direct = await inspect(ref);
  if (direct && source.isVisibleContainer(direct)) return direct;

  const visible = await source.visibleContainers(signal);
  const candidates = containersNamed(ref, visible);
  const [only] = candidates;
  if (only && candidates.length === 1) {
    const found = await inspect(only.Id);
    if (found && source.isVisibleContainer(found)) return found;
  }
  if (candidates.length > 1)
    throw ambiguous(
      'container',
      ref,
      candidates.map((c) => c.Name),
    );
  throw notFound(
    'container',
    ref,
    similarNames(
      ref,
      visible.map((c) => c.Name),
    ),
  );
}

/** An image by reference, digest, id or id prefix, among the visible ones only (as findContainer). */
export async function findImage(input: string, source: LookupSource, signal?: AbortSignal): Promise<ImageInspect> {
  const ref = imageRef(input);
  const inspect = (name: string) =>
    orMissing(source.engine.json('GET', `/images/${encodeImageRef(name)}/json`, ImageInspect, { signal }));
  const direct = await inspect(ref);
  if (direct && (await source.isVisibleImage(direct, signal))) return direct;

  const visible = await source.visibleImages(signal);
  const candidates = imagesNamed(ref, visible);
  const [only] = candidates;
  if (only && candidates.length === 1) {
    const found = await inspect(only.Id);
    if (found && (await source.isVisibleImage(found, signal))) return found;
  }
  if (candidates.length > 1) {
    throw ambiguous(
      'image',
      ref,
      candidates.map((i) => i.RepoTags[0] ?? shortId(i.Id)),
    );
  }
  throw notFound(
    'image',
    ref,
    similarNames(
      ref,
      visible.flatMap((i) => i.RepoTags),
    ),
  );
}

/** Docker's order: the exact id, the exact name, then every id starting with the prefix. */
function containersNamed(ref: string, containers: ContainerSummary[]): ContainerSummary[] {
  const exact = containers.filter((c) => c.Id === ref || c.Name === ref);
  return exact.length > 0 ? exact : containers.filter((c) => c.Id.startsWith(ref));
}

/** A tag or digest reference first (`nginx` meaning `nginx:latest`), then ids by prefix. */
function imagesNamed(ref: string, images: ImageSummary[]): ImageSummary[] {
  const name = normalizedReference(ref);
  const byName = images.filter((i) => i.RepoTags.includes(name) || i.RepoDigests.includes(name));
  if (byName.length > 0) return byName;
  const id = ref.replace(/^sha256:/, '');
  if (!/^[a-f0-9]+$/.test(id)) return [];
  return images.filter((i) => i.Id.replace(/^sha256:/, '').startsWith(id));
}

/** As the engine lists references: no default registry prefix, `:latest` when no tag or digest is given. */
function normalizedReference(ref: string): string {
  const short = ref.replace(/^(?:docker\.io|index\.docker\.io)\/(?:library\/)?/, '');
  const lastPart = short.slice(short.lastIndexOf('/') + 1);
  return short.includes('@') || lastPart.includes(':') ? short : `${short}:latest`;
}

/** Image references keep their slashes in the path (`/images/ghcr.io/x/y:tag/json`). */
export function encodeImageRef(ref: string): string {
  return ref.split('/').map(encodeURIComponent).join('/');
}

/** The engine's 404, or its refusal of an ambiguous prefix, as "not found here". */
async function orMissing<T>(request: Promise<T>): Promise<T | undefined> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof EngineError && (error.statusCode === 404 || /multiple ids|ambiguous/i.test(error.message))) {
      return undefined;
    }
    throw error;
  }
}

function shortId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}

function ambiguous(kind: 'container' | 'image', ref: string, names: string[]): UserError {
  const shown = names
    .slice(0, SHOWN_CANDIDATES)
    .map((name) => `\`${name}\``)
    .join(', ');
  const more = names.length > SHOWN_CANDIDATES ? ` …(+${names.length - SHOWN_CANDIDATES})` : '';
  return kind === 'container'
    ? new UserError('container-ambiguous', {
        ko: `${withParticle(`\`${ref}\``, '으로/로')} 시작하는 컨테이너가 여럿이에요: ${shown}${more}. 이름이나 ID를 더 길게 적어 주세요.`,
        en: `Several containers match \`${ref}\`: ${shown}${more}. Type more of the name or id.`,
      })
    : new UserError('image-ambiguous', {
        ko: `\`${ref}\`에 맞는 이미지가 여럿이에요: ${shown}${more}. 태그나 ID를 더 길게 적어 주세요.`,
        en: `Several images match \`${ref}\`: ${shown}${more}. Type more of the tag or id.`,
      });
}

function notFound(kind: 'container' | 'image', ref: string, similar: string[]): UserError {
  const names = similar.map((name) => `\`${name}\``).join(', ');
  const ko = names ? ` 혹시 ${withParticle(names, '을/를')} 찾으셨나요?` : '';
  const en = names ? ` Did you mean ${names}?` : '';
  return kind === 'container'
    ? new UserError('container-not-found', {
        ko: `\`${ref}\` 컨테이너를 찾을 수 없어요 (없거나 이 봇에서 볼 수 없는 컨테이너예요).${ko} \`/docker containers\`로 목록을 확인해 보세요.`,
        en: `No container \`${ref}\` (it does not exist or is not visible to this bot).${en} See \`/docker containers\`.`,
      })
    : new UserError('image-not-found', {
        ko: `\`${ref}\` 이미지를 찾을 수 없어요 (없거나 이 봇에서 볼 수 없는 이미지예요).${ko} \`/docker images\`로 목록을 확인해 보세요.`,
        en: `No image \`${ref}\` (it does not exist or is not visible to this bot).${en} See \`/docker images\`.`,
      });
}
