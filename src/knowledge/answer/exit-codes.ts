/**
 * Exit codes a question names: `Exited (137)`, `exit code 126`, `exit status 1`, `종료 코드 139`,
 * `137로 종료`. A playbook whose causes go by exit code leads with the one the member saw.
 * A build step's `exit code: 1` is named too: it is what the member saw.
 */
const NAMED_EXIT_CODE =
  /(?:\bexited\s*\(\s*|\bexit(?:ed)?\s+(?:code|status)\s*[:=]?\s*|종료\s*코드(?:가|는|는요)?\s*[:=]?\s*)(\d{1,3})\b|\b(\d{1,3})\s*(?:으로|로|번으로)\s*(?:종료|죽|꺼|끝)/giu;

export function exitCodesOf(text: string): number[] {
  const codes: number[] = [];
  for (const match of text.matchAll(NAMED_EXIT_CODE)) {
    const code = Number(match[1] ?? match[2]);
    if (code <= 255 && !codes.includes(code)) codes.push(code);
  }
  return codes;
}

/** The exit code a cause's title begins with (`137: SIGKILL — …`), if any. */
export function exitCodeOfTitle(title: string): number | undefined {
  const match = /^(\d{1,3})\s*:/.exec(title);
  return match ? Number(match[1]) : undefined;
}
