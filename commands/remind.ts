import { defineGroup } from '../src/core/command.ts';
import { add } from './remind/add.ts';
import { list } from './remind/list.ts';
import { pause, remove, resume, test } from './remind/manage.ts';

export default defineGroup({
  name: 'remind',
  nameKo: '리마인더',
  description: { ko: '정해진 때에 올리는 스터디 리마인더 (운영진)', en: 'Scheduled study reminders (organizers)' },
  organizerOnly: true,
  subcommands: [add, list, remove, pause, resume, test],
});
