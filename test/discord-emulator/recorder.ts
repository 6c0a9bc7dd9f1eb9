import type { CallbackBody, MessageBody } from './bodies.ts';
import type { UploadedFile } from './messages.ts';

/** One REST request the bot made, as the emulator saw it. */
export interface RecordedCall {
  method: string;
  /** Path below the API version, e.g. /interactions/123/tok/callback. */
  path: string;
  query: Record<string, string>;
  /** The JSON body as sent, or `payload_json` of a multipart body. */
  body: unknown;
  /** An interaction callback's body, as the emulator read it. */
  callback?: CallbackBody;
  /** The message a webhook call (follow-up, edit) carried, as the emulator read it. */
  message?: MessageBody;
  files: UploadedFile[];
  authorization: string | undefined;
  status: number;
  /** performance.now() when the request arrived. */
  at: number;
  interactionId?: string;
}

/** The body of an interaction callback the emulator accepted (it fails the test when the call was not one). */
export function callbackOf(call: RecordedCall): CallbackBody {
  if (!call.callback) throw new Error(`${call.method} ${call.path} is not an interaction callback`);
  return call.callback;
}

/** The message a call carried: `data` of a callback, the body of an edit or follow-up. */
export function messageOf(call: RecordedCall): MessageBody {
  const message = call.callback?.data ?? call.message;
  if (!message) throw new Error(`${call.method} ${call.path} carried no message`);
  return message;
}
