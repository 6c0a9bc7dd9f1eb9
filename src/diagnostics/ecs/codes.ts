/** Stable codes of the offline task-definition check (`ecs lint`). */
export const ECS_LINT_CODES = [
  'ecs-links-unsupported',
  'ecs-image-latest',
  'ecs-no-port-mapping',
  'ecs-hostport-conflict',
  'ecs-volumesfrom-missing',
  'nginx-upstream-compose-host',
] as const;
