import { UserError } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import { redact } from '../core/redact.ts';
import { clip } from '../core/text.ts';
import { EngineAnswerTooLarge, EngineError, EngineResponseError, EngineTimeout } from './engine-client.ts';

/** The engine (or the network to it) is not there. */
const CONNECTION_ERRORS = new Set([
  'ENOENT',
  'ECONNREFUSED',
  'EACCES',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNRESET',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * Something answers at DOCKER_HOST, but not HTTP (Node's parser: `HPE_…`), or TLS on one
 * side only (`ERR_SSL_…`, `EPROTO`): not a Docker engine as configured.
 */
function isProtocolError(code: string): boolean {
  return code.startsWith('HPE_') || code.startsWith('ERR_SSL_') || code === 'EPROTO';
}

/**
 * Turns a failed Engine API call into a message a member can act on (a UserError with a
 * stable code); anything else (a bug) is returned as it was, to be logged as an incident.
 * `where` is the engine's address (DOCKER_HOST).
 */
export function explainEngineFailure(error: unknown, where: string, log: Logger): unknown {
  if (error instanceof UserError) return error;
  if (error instanceof EngineTimeout) {
    return new UserError('docker-timeout', {
      ko: `Docker 엔진이 ${error.timeoutMs / 1000}초 안에 답하지 않았어요 (${where}). 엔진이 바쁘거나 꺼져 있을 수 있어요. 잠시 뒤 다시 해 보세요.`,
      en: `The Docker engine did not answer within ${error.timeoutMs / 1000}s (${where}). It may be busy or down; try again shortly.`,
    });
  }
  if (error instanceof EngineAnswerTooLarge) {
    const megabytes = Math.round(error.maxBytes / (1024 * 1024));
    log.warn('engine answer over the cap', { method: error.method, path: error.path, maxBytes: error.maxBytes });
    return new UserError('docker-answer-too-large', {
      ko: `Docker 엔진의 답이 너무 커서 ${megabytes} MB에서 읽기를 멈췄어요 (${error.method} ${error.path}). 호스트에 컨테이너나 이미지가 아주 많은 것 같아요. 운영자는 DOCKHAND_DOCKER_MAX_MB로 한도를 올릴 수 있어요.`,
      en: `The Docker engine’s answer was too large: reading stopped at ${megabytes} MB (${error.method} ${error.path}). The host seems to have very many containers or images; the operator can raise the cap with DOCKHAND_DOCKER_MAX_MB.`,
    });
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string' && CONNECTION_ERRORS.has(code)) {
    return new UserError('docker-unreachable', {
      ko: `Docker 엔진에 연결할 수 없어요 (${where}, ${code}). 엔진이 켜져 있는지, DOCKER_HOST 설정과 소켓 권한을 확인해 주세요.`,
      en: `Cannot reach the Docker engine (${where}, ${code}). Check that it is running, DOCKER_HOST, and socket permissions.`,
    });
  }
  if (typeof code === 'string' && isProtocolError(code)) {
    log.warn('not the Engine API at DOCKER_HOST', { where, code });
    return new UserError('docker-bad-response', {
      ko: `${where}에 있는 서버가 Docker 엔진 API로 답하지 않아요 (${code}). DOCKER_HOST가 Docker 엔진을 가리키는지, TLS 설정(DOCKER_TLS_VERIFY)이 엔진과 맞는지 확인해 주세요.`,
      en: `The server at ${where} does not answer as the Docker Engine API (${code}). Check that DOCKER_HOST points at a Docker engine and that TLS (DOCKER_TLS_VERIFY) matches it.`,
    });
  }
  if (error instanceof EngineResponseError) {
    log.warn('unexpected engine response', { path: error.path, issues: error.issues });
    return new UserError('docker-bad-response', {
      ko: 'Docker 엔진의 응답을 이해하지 못했어요. 엔진 버전(API 1.41 이상)을 확인해 주세요.',
      en: 'Could not understand the Docker engine’s answer. Check the engine version (API 1.41 or later).',
    });
  }
  if (error instanceof EngineError) return engineRefused(error, where, log);
  return error;
}

/**
 * An error status the lookups did not expect: a socket proxy refusing the endpoint (403), a
 * parameter the engine would not take (400), or DOCKER_HOST pointing at some other HTTP server
 * (an empty 404). The engine's own words are redacted and clipped: they may quote a command line.
 */
function engineRefused(error: EngineError, where: string, log: Logger): UserError {
  log.warn('engine error answer', { status: error.statusCode, message: clip(redact(error.message), 200) });
  const said = error.message ? `: ${clip(redact(error.message), 200)}` : '';
  if (error.statusCode === 403) {
    return new UserError('docker-forbidden', {
      ko: `Docker 엔진(또는 앞의 소켓 프록시)이 이 요청을 막았어요 (${where}, HTTP 403${said}). 프록시에서 읽기(GET) API가 허용되어 있는지 확인해 주세요.`,
      en: `The Docker engine (or the socket proxy before it) refused this request (${where}, HTTP 403${said}). Check that the proxy allows the read (GET) endpoints.`,
    });
  }
  if (error.statusCode === 400) {
    return new UserError('docker-error', {
      ko: `Docker 엔진이 요청의 값을 받아들이지 않았어요 (HTTP 400${said}). 입력한 값을 확인해 주세요.`,
      en: `The Docker engine would not take a value of this request (HTTP 400${said}). Check what was typed.`,
    });
  }
  return new UserError('docker-error', {
    ko: `Docker 엔진이 오류로 답했어요 (${where}, HTTP ${error.statusCode}${said}). DOCKER_HOST가 Docker 엔진을 가리키는지 확인해 주세요.`,
    en: `The Docker engine answered with an error (${where}, HTTP ${error.statusCode}${said}). Check that DOCKER_HOST points at a Docker engine.`,
  });
}
