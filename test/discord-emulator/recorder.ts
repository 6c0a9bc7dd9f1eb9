import type { UploadedFile } from './messages.ts';

/** One REST request the bot made, as the emulator saw it. */
export interface RecordedCall {
  method: string;
  /** Path below the API version, e.g. /interactions/123/tok/callback. */
  path: string;
  query: Record<string, string>;
  /** The JSON body, or `payload_json` of a multipart body. */
  body: any;
  files: UploadedFile[];
  authorization: string | undefined;
  status: number;
  /** performance.now() when the request arrived. */
  at: number;
  interactionId?: string;
}
