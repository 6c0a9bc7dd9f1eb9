import { defineCommand } from '../src/core/command.ts';
import { backupDatabase } from '../src/store/backup.ts';

/** `npm run cli -- backup <path>`: a consistent copy of the database while the bot keeps running. */
export default defineCommand({
  name: 'backup',
  description: {
    ko: '데이터베이스를 안전하게 복사해요 (봇이 실행 중이어도 돼요)',
    en: 'Copy the database safely (the bot may keep running)',
  },
  transports: ['cli'],
  organizerOnly: true,
  options: [
    {
      name: 'path',
      type: 'string',
      required: true,
      rest: true,
      description: { ko: '백업 파일 경로 (이미 있으면 거절)', en: 'Backup file path (never overwritten)' },
    },
  ],
  run: async ({ path }, ctx) => {
    const done = await backupDatabase(ctx.store.db, path);
    const kb = Math.max(1, Math.round(done.bytes / 1024));
    return {
      text: ctx.t({
        ko: `백업했어요: ${done.path} (${kb} KB, ${done.ms} ms). 무결성 검사(integrity_check) 통과, 스키마 버전 ${done.schemaVersion}.`,
        en: `Backed up to ${done.path} (${kb} KB, ${done.ms} ms). integrity_check passed, schema version ${done.schemaVersion}.`,
      }),
      tone: 'success',
      data: done,
    };
  },
});
