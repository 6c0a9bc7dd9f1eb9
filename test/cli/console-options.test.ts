/** Console lines written as in Discord: `option:"value with spaces"`, aliases, channel and role ids. */
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/cli/args.ts';
import { tokenize } from '../../src/cli/tokenize.ts';
import { loadCommands } from '../../src/core/registry.ts';
import { COMMANDS_DIR } from '../../src/paths.ts';

describe('console option syntax', () => {
  it('opens a quote right after option: as well as at a word’s start, and keeps apostrophes', () => {
    expect(tokenize('/remind add schedule:"매주 수요일 20:00" message:\'4장 실습\' chapter:4')).toEqual([
      '/remind',
      'add',
      'schedule:매주 수요일 20:00',
      'message:4장 실습',
      'chapter:4',
    ]);
    expect(tokenize(`ask what's a volume`)).toEqual(['ask', "what's", 'a', 'volume']);
    expect(tokenize('ask it:"never closed')).toEqual(['ask', 'it:"never', 'closed']);
  });

  it('reads remind add in every form: option:value, --option, aliases (--cron, --tz) and the schedule as the rest of the line', async () => {
    const registry = await loadCommands(COMMANDS_DIR);
    const options = (line: string) => parseCommandLine(tokenize(line), registry).invocation.options;
    const expected = { schedule: '0 20 * * 3', message: '4장 실습', timezone: 'Asia/Seoul' };
    expect(options('/remind add schedule:"0 20 * * 3" message:"4장 실습" timezone:Asia/Seoul')).toEqual(expected);
    expect(options('remind add --cron "0 20 * * 3" --message "4장 실습" --tz Asia/Seoul')).toEqual(expected);
    expect(options('remind add 0 20 * * 3 --message "4장 실습" --tz=Asia/Seoul')).toEqual(expected);
    expect(options('remind add 매주 수요일 20:00 --message x --channel <#100000000000000002>')).toEqual({
      schedule: '매주 수요일 20:00',
      message: 'x',
      channel: '<#100000000000000002>',
    });
  });
});
