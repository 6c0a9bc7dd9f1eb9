import { isSecretKey, scan, scanEnvEntry, type SecretKind } from '../core/redact.ts';
import type { Translate } from '../core/locale.ts';
import type { Check } from './check.ts';

const KIND_LABEL: Record<SecretKind, { ko: string; en: string }> = {
  'key-name': { ko: '비밀 이름의 변수', en: 'secret-named variable' },
  'url-credentials': { ko: 'URL 안의 비밀번호', en: 'password in a URL' },
  'aws-access-key': { ko: 'AWS 액세스 키', en: 'AWS access key' },
  'github-token': { ko: 'GitHub 토큰', en: 'GitHub token' },
  'slack-token': { ko: 'Slack 토큰', en: 'Slack token' },
  'discord-token': { ko: 'Discord 봇 토큰', en: 'Discord bot token' },
  jwt: { ko: 'JWT', en: 'JWT' },
  'bearer-token': { ko: '인증 토큰', en: 'auth token' },
  'private-key': { ko: '개인 키', en: 'private key' },
  'command-password': { ko: '명령줄의 비밀번호', en: 'password on a command line' },
  'service-token': { ko: 'API 토큰·키', en: 'API token or key' },
  'webhook-url': { ko: '웹훅 URL', en: 'webhook URL' },
  'password-hash': { ko: '비밀번호 해시', en: 'password hash' },
};

/**
 * secrets-in-env: secret-looking values in the environment, labels or image history.
 * Evidence names where (variable, label, layer) and what kind, never the value.
 */
export const secretChecks: Check = (facts, t) => {
  const kinds = (list: SecretKind[]) => list.map((k) => t(KIND_LABEL[k])).join(', ');
  const evidence: string[] = [];

  for (const entry of facts.container.Config.Env) {
    const scanned = scanEnvEntry(entry);
    if (scanned.kinds.length > 0) evidence.push(`env ${scanned.key} (${kinds(scanned.kinds)})`);
  }
  for (const [key, value] of Object.entries(facts.container.Config.Labels)) {
    const found: SecretKind[] = value !== '' && isSecretKey(key) ? ['key-name'] : scan(value).kinds;
    if (found.length > 0) evidence.push(`label ${key} (${kinds(found)})`);
  }
  const layers = facts.history.length;
  facts.history.forEach((layer, index) => {
    const { kinds: found, names } = scan(layer.CreatedBy);
    if (found.length === 0) return;
    const where = t({
      ko: `이미지 히스토리 ${layers - index}번째 레이어`,
      en: `image history layer ${layers - index}`,
    });
    evidence.push(`${where}${names.length ? ` ${[...new Set(names)].join(', ')}` : ''} (${kinds(found)})`);
  });
  if (evidence.length === 0) return [];

  return [
    {
      code: 'secrets-in-env',
      severity: 'warning',
      title: t({
        ko: '환경 변수·레이블·이미지 히스토리에 비밀값으로 보이는 것이 있어요',
        en: 'Secret-looking values in the environment, labels or image history',
      }),
      detail: t({
        ko:
          '`docker inspect`나 `docker history`를 볼 수 있는 사람은 누구나 이 값을 읽을 수 있어요. ' +
          '이미지에 ENV/ARG로 넣은 값은 레지스트리에 올린 이미지에도 남아요. (값은 여기에 표시하지 않아요.)',
        en:
          'Anyone who can run `docker inspect` or `docker history` can read these values, ' +
          'and ENV/ARG values baked into an image travel with it to the registry. (The values are not shown here.)',
      }),
      evidence,
      next: nextStep(t),
      refHints: ['#fix', '#causes'],
    },
  ];
};

function nextStep(t: Translate): string {
  return t({
    ko:
      '비밀값은 이미지에 굽지 말고 실행할 때 넣으세요: `--env-file`(git에 올리지 않기), Compose `secrets:`, 또는 `*_FILE` 변수로 파일 경로만 넘기기. ' +
      '이미 노출된 토큰·키는 폐기하고 새로 발급하세요.',
    en:
      'Do not bake secrets into images; pass them at run time: ' +
      '`--env-file` (kept out of git), Compose `secrets:`, or `*_FILE` variables pointing to a file. ' +
      'Revoke and reissue any token or key already exposed.',
  });
}
