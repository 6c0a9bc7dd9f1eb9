/**
 * The book (도커, 컨테이너 빌드업!) has six chapters, one note each. Front matter is checked
 * against this, `npm run validate` fails when a chapter has no note, and /note offers these.
 */
export const CHAPTER_COUNT = 6;

/** 1 … CHAPTER_COUNT. */
export const CHAPTERS: readonly number[] = Array.from({ length: CHAPTER_COUNT }, (_, i) => i + 1);
