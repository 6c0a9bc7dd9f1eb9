import { UserError } from '../errors.ts';
import type { Precondition } from './precondition.ts';

/** Commands (or subcommands) marked `organizerOnly` are for members with Manage Server (Discord) or the console user. */
export const organizerOnly: Precondition = {
  name: 'organizer-only',
  check(command, caller, _now, subcommand) {
    if (!(command.organizerOnly || subcommand?.organizerOnly) || caller.isOrganizer) return;
    throw new UserError('organizer-only', {
      ko: '이 명령은 스터디 운영진(서버 관리 권한)만 쓸 수 있어요.',
      en: 'Only study organizers (Manage Server) can use this command.',
    });
  },
};
