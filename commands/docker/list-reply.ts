import type { Localized, Translate } from '../../src/core/locale.ts';
import type { Reply } from '../../src/core/reply.ts';

/** Lines shown in the message; `--json` lists everything. */
const SHOWN = 25;

export interface Listing {
  title: Localized;
  /** What to say when nothing is visible. */
  empty: Localized;
  /** One line per item, in the order shown. */
  lines: string[];
  /** The machine-readable form: every item. */
  data: unknown;
}

/** `/docker containers` and `/docker images`: the first lines, and how many more `--json` would list. */
export function listReply(listing: Listing, t: Translate): Reply {
  const more = listing.lines.length - SHOWN;
  return {
    title: t(listing.title),
    text: listing.lines.length ? listing.lines.slice(0, SHOWN).join('\n') : t(listing.empty),
    ...(more > 0
      ? {
          footer: t({ ko: `…그리고 ${more}개 더 (--json 으로 전체 보기)`, en: `…and ${more} more (--json lists all)` }),
        }
      : {}),
    data: listing.data,
  };
}
