import { UserError } from '../core/errors.ts';
import { withParticle } from '../core/korean-particles.ts';

/** Docker's container name grammar (also covers full ids and id prefixes). */
const CONTAINER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
const MAX_NAME = 128;

/**
 * An image reference: `[registry[:port]/]path[:tag][@sha256:digest]`, or an image id
 * (`sha256:…` or a hex prefix).
 */
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const IMAGE_REFERENCE = new RegExp(
  `^(?:[a-zA-Z0-9](?:[a-zA-Z0-9.-]*[a-zA-Z0-9])?(?::[0-9]+)?/)?${COMPONENT}(?:/${COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$`,
);
const IMAGE_ID = /^(?:sha256:)?[a-f0-9]{4,64}$/;
const MAX_REFERENCE = 255;

/** A container name or id prefix the user typed, checked before it goes into an API path. */
export function containerRef(input: string): string {
  const name = input.trim().replace(/^\//, '');
  if (name.length > 0 && name.length <= MAX_NAME && CONTAINER_NAME.test(name)) return name;
  throw new UserError('invalid-name', {
    ko: `${withParticle(`\`${printable(input)}\``, '은/는')} 컨테이너 이름이 아니에요. 이름은 영문자나 숫자로 시작하고 영문자·숫자·\`_\`·\`.\`·\`-\`만 쓸 수 있어요 (${MAX_NAME}자 이하).`,
    en: `\`${printable(input)}\` is not a container name. Names start with a letter or digit and use only letters, digits, \`_\`, \`.\` and \`-\` (at most ${MAX_NAME} characters).`,
  });
}

/** An image reference the user typed (`nginx`, `nginx:1.25`, `ghcr.io/x/y:tag`, an id). */
export function imageRef(input: string): string {
  const ref = input.trim();
  if (ref.length > 0 && ref.length <= MAX_REFERENCE && (IMAGE_REFERENCE.test(ref) || IMAGE_ID.test(ref))) return ref;
  throw new UserError('invalid-image', {
    ko: `${withParticle(`\`${printable(input)}\``, '은/는')} 이미지 이름이 아니에요. 예: \`nginx\`, \`nginx:1.25\`, \`myuser/web:v1\` (저장소 이름은 소문자).`,
    en: `\`${printable(input)}\` is not an image reference. E.g. \`nginx\`, \`nginx:1.25\`, \`myuser/web:v1\` (repository names are lowercase).`,
  });
}

/** Echoes bad input safely: short, one line, no backticks. */
function printable(input: string): string {
  const flat = input.replace(/[\s`]+/g, ' ').trim();
  return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
}
