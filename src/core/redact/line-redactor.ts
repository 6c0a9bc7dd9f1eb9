import { findAssignments, findCommandPasswords, type BlockValue } from './assignments.ts';
import { stripColourCodes } from './colour-codes.ts';
import type { SecretKind } from './kinds.ts';
import { LineScan, type Work } from './line-scan.ts';
import { findKeyMarker, keyBodyLine } from './private-key.ts';
import { findTokenRest, findTokens, type TokenCut } from './token-scanner.ts';
import { findUrlCredentials } from './url-credentials.ts';

/**
 * Redacts a text line by line, remembering what spans lines: an open private key block (from
 * its BEGIN line to its END line), a run of key body lines, a token wrapped at the end of a
 * line, and a YAML block value (`password: |`) under a secret key. Every line costs time
 * linear in its length.
 */
export class LineRedactor {
  private inKey = false;
  private inKeyBody = false;
  private cut: TokenCut | undefined;
  private block: BlockValue | undefined;

  /**
   * `keyBodies`: also hide lines that look like a private key's body on their own (base64 of
   * PEM width, or a long base64 line): for logs and multi-line texts, not for a single value.
   */
  constructor(
    private readonly options: { keyBodies: boolean } = { keyBodies: true },
    readonly kinds = new Set<SecretKind>(),
    readonly work: Work = { steps: 0 },
    readonly names = new Set<string>(),
  ) {}

  line(raw: string): string {
    const text = stripColourCodes(raw, this.work);
    const scan = new LineScan(text, this.kinds, this.work, this.names);
    const cut = this.cut;
    this.cut = undefined;
    let from = 0;

    if (this.inKey) {
      const end = findKeyMarker(text, 0, 'END', this.work);
      scan.hide(0, end ? end.start : text.length, 'private-key');
      if (!end) return scan.apply();
      this.inKey = false;
      from = end.end;
    } else if (this.block) {
      const indent = indentation(text);
      if (indent === text.length || indent > this.block.indent) {
        scan.hide(indent, text.length, 'key-name');
        return scan.apply();
      }
      this.block = undefined;
    }

    const body = this.options.keyBodies ? keyBodyLine(text, this.work) : undefined;
    if (body === 'pem' || body === 'long' || (body === 'short' && this.inKeyBody)) {
      this.inKeyBody = true;
      scan.hide(0, text.length, 'private-key');
      return scan.apply();
    }
    this.inKeyBody = false;

    for (;;) {
      const begin = findKeyMarker(text, from, 'BEGIN', this.work);
      if (!begin) break;
      const end = findKeyMarker(text, begin.end, 'END', this.work);
      scan.hide(begin.end, end ? end.start : text.length, 'private-key');
      // An empty BEGIN line still opens the block.
      this.kinds.add('private-key');
      if (!end) {
        this.inKey = true;
        break;
      }
      from = end.end;
    }

    if (cut) this.cut = findTokenRest(scan, cut);
    this.cut = findTokens(scan) ?? this.cut;
    if (text.includes('://') || text.includes(':thin:')) findUrlCredentials(scan);
    this.block = findAssignments(scan);
    if (COMMANDS.test(text)) findCommandPasswords(scan, text.toLowerCase());
    this.work.steps += text.length;
    return scan.apply();
  }
}

/** Commands whose flags carry passwords (assignments.ts). */
const COMMANDS = /curl|mysql|mariadb/i;

function indentation(line: string): number {
  let n = 0;
  while (line[n] === ' ' || line[n] === '\t') n++;
  return n;
}
