import { translator, type Locale } from '../core/locale.ts';
import type { ReminderPost, ReminderPoster } from '../reminders/poster.ts';
import { renderText } from './render.ts';

/**
 * The console's reminder poster: every reminder, wherever it would go in Discord, is printed to
 * the terminal (console mode posts to the terminal), headed by where it would have gone.
 */
export function terminalPoster(
  print: (text: string) => void,
  style: { color: boolean; locale: Locale; timeZone: string },
): ReminderPoster {
  const t = translator(style.locale);
  return {
    canDeliver: () => true,
    post: (post: ReminderPost) => {
      const where = post.channelId ? `#${post.channelId}` : t({ ko: '콘솔', en: 'console' });
      const quiet = post.test ? t({ ko: ' (알림 없음)', en: ' (not notified)' }) : '';
      const mention = post.roleId ? ` @&${post.roleId}${quiet}` : '';
      const text = `📣 → ${where}${mention}\n${renderText(post.reply, style)}`;
      // After what the console is writing right now (a reply, the prompt), never inside it.
      return new Promise<void>((resolve) => {
        setImmediate(() => {
          print(text);
          resolve();
        });
      });
    },
  };
}
