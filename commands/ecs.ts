import { defineGroup } from '../src/core/command.ts';
import { check } from './ecs/check.ts';
import { lint } from './ecs/lint.ts';

export default defineGroup({
  name: 'ecs',
  nameKo: 'ecs진단',
  description: {
    ko: 'ECS·nginx에 앱 대신 기본 페이지가 뜰 때: 컨테이너 진단과 작업 정의 점검',
    en: 'When ECS/nginx shows the default page: diagnose a container, check a task definition',
  },
  slow: true,
  cooldownSeconds: 5,
  subcommands: [check, lint],
  defaultSubcommand: 'check',
});
