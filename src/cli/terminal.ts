/** Node's types say `isTTY: boolean`, but a piped stream has none: ask without trusting them. */
export function isTerminal(stream: { isTTY?: boolean | undefined }): boolean {
  return stream.isTTY === true;
}

/** Colours on a terminal, unless NO_COLOR is set (https://no-color.org). */
export function wantsColor(): boolean {
  return isTerminal(process.stdout) && !process.env.NO_COLOR;
}
