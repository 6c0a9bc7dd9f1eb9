import { describe, expect, it } from 'vitest';
import { markTerms, snippetAround } from '../../src/knowledge/snippet.ts';

describe('snippets', () => {
  it('bold the matched words around the first match', () => {
    const text = `${'앞 문장. '.repeat(40)}도커 볼륨 : 필요한 데이터에 접근하고 공유하기 위한 기능`;
    const snippet = snippetAround(text, ['볼륨']);
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet).toContain('도커 **볼륨** : 필요한');
  });

  it('bold a whole inline code span instead of putting ** inside the backticks', () => {
    expect(markTerms('명령은 `docker volume create 볼륨 이름` 이다', ['볼륨'])).toBe(
      '명령은 **`docker volume create 볼륨 이름`** 이다',
    );
    expect(markTerms('a `x` b', ['zz'])).toBe('a `x` b');
  });

  it('never cut inline code in half, nor keep the source’s own emphasis and quote markers', () => {
    const command = '`docker run -d -v myvol:/usr/share/nginx/html nginx`';
    const text = `**volume** 설명\n\n> 보충: 긴 설명 ${'가나다 '.repeat(30)} ${command} 끝`;
    for (const width of [40, 60, 90, 120, 150, 170]) {
      const snippet = snippetAround(text, ['volume', 'myvol'], width);
      expect((snippet.match(/`/g) ?? []).length % 2).toBe(0);
      expect(snippet).not.toMatch(/\*\*\*\*|^> /);
    }
    expect(snippetAround(text, ['volume'])).toMatch(/^\*\*volume\*\* 설명 · 보충:/);
  });

  it('drop the quote markers of a code block quoted in a supplement', () => {
    const text = '> 보충: 예시\n>\n> ```yaml\n> services:\n>   mydb:\n> ```';
    expect(snippetAround(text, ['mydb'])).toBe('보충: 예시 · services: · **mydb**:');
  });

  it('keep the notes’ one-fact-per-line shape, without list markers', () => {
    const text =
      '도커 볼륨 : 데이터 공유 기능\n\n- 데이터와 로직 분리 가능\n* 컨테이너가 종료되어도 유지\n\n```bash\ndocker volume create v\n```';
    expect(snippetAround(text, ['볼륨'])).toBe(
      '도커 **볼륨** : 데이터 공유 기능 · 데이터와 로직 분리 가능 · 컨테이너가 종료되어도 유지 · docker volume create v',
    );
  });
});
