import { choseong } from './hangul.ts';
/**
 * Words that shape a question but carry no topic: dropped from queries (the index keeps them).
 * Korean question words and fillers, and English function words. Kept generic on purpose:
 * this list must help questions nobody has asked yet.
 */
const KOREAN = [
  '뭐', '뭐야', '뭐예요', '뭐에요', '뭔가요', '뭔데', '뭔지', '뭘', '뭐가', '무엇', '무엇인가요', '무슨', '어떻게', '어떤', '어느',
  '어디', '어디서', '어디에', '어디부터', '언제', '왜', '왜죠', '좀', '법', '방법', '뜻', '의미', '차이', '차이점', '알려줘',
  '알려주세요', '궁금해요', '궁금합니다', '궁금', '있나요', '있어요', '없어요', '없나요', '되나요', '돼요', '되요', '해요',
  '하나요', '하죠', '할까요', '싶어요', '인가요', '건가요', '걸까요', '그런', '그런가요', '이런', '저런', '그냥', '혹시', '그리고',
  '근데', '그런데', '아니면', '또는', '정말', '진짜', '이거', '저거', '그거', '이게', '그게', '이', '그', '저', '내', '제', '나',
  '저희', '우리', '것', '거', '게', '수', '때', '등', '및', '요', '하는', '하면', '하려면', '할', '한', '해', '하는법', '해야',
  '되는', '된', '안', '못', '잘', '다', '더', '같은', '같아요', '보통', '주로', '나요', '가요', '죠', '네', '예', '어때요', '해줘',
  '써요', '쓰나요', '쓰는', '쓰면', '하기', '하고', '는', '은', '가', '를', '을', '에', '의', '도', '로',
  '말고', '대신', '중', '중에', '전에', '후에', '다음', '위해', '위한', '위해서', '대해', '대한', '대해서', '통해', '통해서',
  '때문에', '경우', '경우에', '아무', '계속', '자꾸', '너무', '많이', '제일', '가장', '먼저', '나중에', '지금', '이제',
];

/**
 * How members write in chat: colloquial and misspelt question words (어케, 머에여, 뭐임), polite
 * openings and closings (안녕하세요, 감사합니다, 부탁드려요), and the hedges and connectives of a long,
 * chatty question (혹시, 다름이 아니라, 그런데). None of them names a topic.
 */
const CHAT = [
  // question words and answers typed as spoken
  '어케', '어캐', '봐요', '봐', '보나요', '보는법', '보는 법', '보려면', '어떡해', '어떡해요', '어떡하죠', '어떻게요', '어떻게든', '어케함', '어케해', '어케해요', '어케하죠',
  '머', '머가', '머임', '머야', '머지', '머죠', '머예요', '머에요', '머에여', '머여', '뭐임', '뭐지', '뭐죠', '뭐징',
  '뭐에여', '뭐여', '뭐냐', '뭔가', '뭔', '뭔뜻', '먼뜻', '무슨뜻', '뭐길래', '뭐라고', '뭐라', '뭐랑', '뭔데요', '뭔지요', '왜요', '왜케', '왜지',
  '왜죠', '왜이래', '왜이래요', '어째서', '어디죠', '언제죠', '몰라요', '모르겠어요', '모르겠습니다', '모르겠네요',
  '됨', '됌', '됬', '돼', '되나', '되냐', '되죠', '되는지', '되는거', '되는건가요', '될까', '될까요', '되는데', '안됨', '못함', '못해', '못해요', '못하고', '못하는', '못하겠어요', '못합니다',
  '안돼', '안돼요', '안되요', '안되나요', '하는거', '하는지', '하는게', '하나', '할까', '할지', '하죠', '함', '임',
  '인가', '인지', '건가', '건지', '거죠', '거예요', '거에요', '걸까', '건데', '건데요', '거임', '거야', '게요',
  '있음', '없음', '있나', '있을까요', '없을까요', '될까요', '어떨까요', '좋을까요', '좋은가요', '좋나요', '맞나요',
  '맞아요', '맞죠', '맞는지', '맞는', '싶어요', '싶은데', '싶은데요', '싶습니다', '싶다', '같은데', '같은데요',
  '같습니다', '같네요', '하세요', '주세요', '줘', '줘요', '주실', '주시면', '주셨으면', '알려줘', '알려줘요', '주는', '주고', '주면',
  '알려주실', '알려주시면', '알려주세요', '가르쳐', '가르쳐주세요', '설명', '설명해', '설명해줘', '설명해주세요',
  '해주세요', '해줘요', '해요', '했어요', '했는데', '했는데요', '하는데', '하는데요', '했더니', '했습니다',
  '거든요', '더라고요', '더라구요', '던데요', '네요', '는데요', '인데요', '이래요', '그래요', '이럼', '저럼', '이러네', '이래', '대요', '래요',
  // politeness and chat
  '안녕하세요', '안녕하십니까', '안녕', '감사합니다', '감사해요', '감사하겠습니다', '감사', '고맙습니다',
  '고마워요', '부탁드립니다', '부탁드려요', '부탁해요', '부탁', '죄송합니다', '죄송해요', '실례합니다', '수고하세요',
  '수고', '고생', '고생하세요', '많으십니다', '다들', '여러분', '분들', '선배님', '님', '혹시나', '다름이', '아니라',
  '다름', '아니', '아니고', '질문', '질문이', '질문이요', '질문입니다', '질문드립니다', '질문있어요', '궁금한', '궁금한데',
  '궁금해서', '답변', '답', '도와주세요', '도와줘요', '도움', '도움이', '제발', '급함', '급해요', '급합니다', '급한',
  '바쁘실', '텐데', '텐데요', '정말', '진짜', '완전', '엄청', '걍', '넘', '막', '좀요', '일단', '우선', '아무튼',
  '어쨌든', '그래서', '그러면', '그럼', '그러니까', '그치만', '하지만', '근데요', '그런데요', '이거', '요거', '이건', '이걸', '그걸', '저걸',
  '저건', '그건', '이것', '저것', '그것', '여기', '거기', '저기', '이렇게', '저렇게', '그렇게', '이런거', '그런거',
  '원래', '사실', '갑자기', '처음', '이번', '저번', '지난번', '이번에', '저번에', '요번', '처음부터', '다시', '또', '아직', '벌써',
  '혼자', '제가', '저는', '전', '저도', '나는', '내가', '우리가', '저희가', '뭘까요', '전부', '다', '모두', '가끔', '항상',
  '매번', '얘기', '이야기', '어쩌구', '저쩌구', '어쩌고', '저쩌고', '뭐시기', '머시기', '거시기', '까보는법', '까보기', '까봄', '까보려면', '따는법', '이해', '이해가', '기초', '기초적인', '내용', '부분', '경우', '상황',
  '문제', '방법이', '이유', '이유가', '달라요', '다른가요', '다른지', '다른거', '다른점', '다른게',
  '다르다', '다름', '틀려요', '비슷한', '뜻이', '의미가',
  // who is asking and the story around the question (스터디 3장 따라하고 있는 사람입니다, 어제 실수로…)
  '사람입니다', '학생입니다', '사람', '초보', '초보자', '입문자', '뉴비', '배우는', '배우고', '공부하는', '공부하고', '공부',
  '따라하고', '따라하는', '따라하다가', '보다가', '실수로', '실수', '어제', '아까', '방금', '요즘', '며칠째', '회사', '회사에서',
  '귀찮아서', '귀찮은데', '불안해서', '답답해서', '하더라구요', '하더라고요', '하더라구', '하더라고', '더라구', '더라고',
  '문제였나요', '문제인가요', '문제인지', '기초적인', '기초적일', '수도', '있는데', '있는데요', '생겼어요', '생겼는데',
  '나네요', '되네요', '안되네요', '노트북', '맥북', '컴퓨터', '중인', '중인데', '중이에요', '골라요', '골라', '고르나요', '골라야', '초보라', '초보라서', '초보인데', '초보인데요', '죄송한데', '죄송한데요', '죄송하지만',
  // pleas, exclamations and intensifiers of chat: how it is said, never what
  '어캄', '어캐함', '안댐', '살려줘', '살려주세요', '살려주세', '헬프', '존나', '졸라', '개빡', '빡침', '빡치네', '짜증', '짜증나', '짜증나요',
  '미치겠네', '미치겠어요', '미쳤', '미쳤네', '실화냐', '레알', '오키', '오케이', '땡큐', '암튼', '글고', '겁나', '겁나게', '머선', '무순', '몬가', '먼가',
  '왤케', '왤캐', '왜캐', '왜이케', '왜일케', '넘', '넘나', '너무너무', '엄청나게', '진짜로',
  // verbs ended in ㅁ, as typed in chat (만듬, 해봄, 모름)
  '만듬', '만듦', '봄', '해봄', '씀', '짬', '앎', '모름', '모르겠음', '궁금함', '해봤음', '했음', '됐음', '옵션', '옵션이', '옵션은', '플래그', '확인', '확인법', '확인하는', '확인하려면', '확인방법', '사용법', '쓰는법', '쓰는 법',
];

/**
 * Jamo typed as emoticons or chat shorthand, not as 초성 of a word: laughter and tears (ㅋㅋ,
 * ㅎㅎ, ㅠㅠ), one consonant repeated (ㄷㄷ, ㅇㅇ) and the common ones (ㅇㅋ, ㄴㄴ, ㅎㅇ, ㄳ, ㄱㅅ).
 */
const CHAT_JAMO = new Set([
  'ㅇㅋ', 'ㄴㄴ', 'ㅎㅇ', 'ㄳ', 'ㄱㅅ', 'ㅈㅅ', 'ㅊㅋ', 'ㅁㄹ', 'ㅇㅈ', 'ㅂㅂ', 'ㄱㄱ', 'ㅅㄱ', 'ㄹㅇ',
  // intensifiers and swearing typed as initials: how it is said, never what
  'ㅈㄴ', 'ㅅㅂ', 'ㅆㅂ', 'ㅁㅊ', 'ㅈㅂ', 'ㅎㄷㄷ',
]);

export function isChatJamo(word: string): boolean {
  if (/^(.)\1*$/u.test(word)) return true;
  for (const unit of CHAT_JAMO) if (word === unit.repeat(word.length / unit.length)) return true;
  return false;
}

const ENGLISH = [
  'a', 'an', 'the', 'is', 'are', 'was', 'were', 'be', 'been', 'what', 'whats', 'how', 'why', 'when', 'where', 'which',
  'who', 'do', 'does', 'did', 'i', 'me', 'my', 'we', 'our', 'you', 'your', 'it', 'its', 'this', 'that', 'these', 'those',
  'to', 'of', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'and', 'or', 'but', 'can', 'could', 'should',
  'would', 'will', 'there', 'here', 'instead', 'about', 'into', 'than', 'then', 'so', 'if', 'got',
  'keep', 'keeps', 'please', 'help', 'some', 'any', 'one', 'ones', 'mean', 'means', 'meaning', 'vs', 'difference', 'between',
  'see', 'show', 'look', 'want', 'need', 'know', 'tell', 'find', 'try', 'trying', 'make', 'use', 'using', 'like',
  'just', 'also', 'only', 'still', 'even', 'really', 'actually', 'way', 'thing', 'things', 'possible', 'happen',
  'happens', 'happened', 'anyone', 'someone', 'something', 'anything', 'again', 'other', 'same', 'all',
  'each', 'own', 'put', 'get', 'gets', 'getting', 'may', 'might', 'must', 'able', 'unable', 'without', 'after', 'before',
  'work', 'works', 'working', 'seem', 'seems', 'keep', 'kept', 'going', 'go', 'tried', 'wrong',
  'right', 'ok', 'okay', 'thanks', 'thank', 'hi', 'hello', 'hey', 'guys', 'everyone', 'idea', 'ideas', 'anybody',
  'please', 'pls', 'plz', 'sure', 'why', 'stuck', 'correct', 'best', 'good', 'better', 'new', 'first', 'now', 'always',
  'never', 'every', 'time', 'times', 'able', 'locally', 'requested', 'require', 'requires', 'required', 'option',
  'options', 'flag', 'flags', 'usage', 'has', 'have', 'had', 'having',
  // contractions split at the apostrophe (what's, don't, I'll) and chat
  's', 't', 'd', 'll', 're', 've', 'm', 'don', 'doesn', 'isn', 'can', 'won', 'lol', 'lmao', 'thx', 'btw', 'tbh', 'imo', 'idk',
];

const STOPWORDS = new Set([...KOREAN, ...CHAT, ...ENGLISH]);

/**
 * Chat spellings of the polite ending: 달라여, 되나염, 알려주세용 for 달라요, 되나요, 알려주세요. Only
 * read as 요 when that makes a word of the lists above, and in words of three syllables or more,
 * so a noun ending in 여 (참여, 대여) stays a noun.
 */
const CHAT_POLITE_ENDING = /(?:여|염|용|욤|영)$/;

/** 어케, 어떻게 glued to a short verb (어케봄, 어케만듬, 어떻게해요): how-to words, no topic. */
const HOW_GLUED = /^(?:어케|어캐|어떻게|어떡)[가-힣]{0,3}$/;

export const isStopword = (word: string): boolean =>
  STOPWORDS.has(word) ||
  HOW_GLUED.test(word) || (word.length >= 3 && CHAT_POLITE_ENDING.test(word) && STOPWORDS.has(word.slice(0, -1) + '요'));

/** The question words members abbreviate to 초성: what is it, the difference, how. */
const QUESTION_WORDS = [
  '뭐야', '뭐예요', '뭐에요', '뭐임', '머임', '뭔가요', '뭔데', '뭐지', '뭐죠', '뭐가', '뭘로', '차이', '차이점', '어떻게',
  '어케', '방법', '알려줘', '알려주세요', '뭔지', '왜죠',
];

/**
 * 초성 of the question words (ㅁㅇ 뭐야, ㅊㅇ 차이, ㅇㄸㄱ 어떻게, ㅂㅂ 방법), less any a
 * topic word shares (`topicInitials`, e.g. the glossary's ㅂㄹ 볼륨): typed in shorthand, they
 * still ask, not name a topic.
 */
export function questionInitials(topicInitials: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const word of QUESTION_WORDS) {
    const initials = choseong(word);
    if (!topicInitials.has(initials)) out.add(initials);
  }
  return out;
}
