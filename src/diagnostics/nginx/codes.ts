/** Stable codes of the live nginx path diagnosis (`ecs <container>`): why a page shows "Welcome to nginx!". */
export const NGINX_PATH_CODES = [
  'nginx-default-page',
  'nginx-stock-image',
  'nginx-default-conf-present',
  'nginx-conf-not-included',
  'nginx-html-wrong-root',
  'image-stale',
  'host-port-taken-by-other',
  'nginx-upstream-unresolvable',
  'nginx-upstream-socket-missing',
] as const;
