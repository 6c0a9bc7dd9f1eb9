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

const ENGLISH = [
  'a', 'an', 'the', 'is', 'are', 'was', 'were', 'be', 'been', 'what', 'whats', 'how', 'why', 'when', 'where', 'which',
  'who', 'do', 'does', 'did', 'i', 'me', 'my', 'we', 'our', 'you', 'your', 'it', 'its', 'this', 'that', 'these', 'those',
  'to', 'of', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'and', 'or', 'but', 'can', 'could', 'should',
  'would', 'will', 'there', 'here', 'instead', 'about', 'into', 'than', 'then', 'so', 'if', 'got',
  'keep', 'keeps', 'please', 'help', 'some', 'any', 'mean', 'means', 'meaning', 'vs', 'difference', 'between',
  'see', 'show', 'look', 'want', 'need', 'know', 'tell', 'find', 'try', 'trying', 'make', 'use', 'using', 'like',
  'just', 'also', 'only', 'still', 'even', 'really', 'actually', 'way', 'thing', 'things', 'possible', 'happen',
  'happens', 'happened', 'anyone', 'someone', 'something', 'anything', 'again', 'other', 'same', 'all',
];

const STOPWORDS = new Set([...KOREAN, ...ENGLISH]);

export const isStopword = (word: string): boolean => STOPWORDS.has(word);
