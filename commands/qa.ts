import { defineGroup } from '../src/core/command.ts';
import { accept, acceptButton, answer, removeAnswer, vote } from './qa/answer.ts';
import { forgetButton, forgetMe } from './qa/forget.ts';
import { history, list, page, unanswered } from './qa/lists.ts';
import { exportData, stats } from './qa/report.ts';

export default defineGroup({
  name: 'qa',
  nameKo: '질문답변',
  description: {
    ko: '질문 기록: 답을 기다리는 질문에 답하고, 해결된 답을 채택해요',
    en: 'Question memory: answer open questions, mark what solved them',
  },
  subcommands: [unanswered, answer, accept, history, stats, list, vote, exportData, removeAnswer, forgetMe],
  components: { page, accept: acceptButton, forget: forgetButton },
});
