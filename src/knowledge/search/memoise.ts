/** `prepare`, remembering its answer for each text it has seen (for one build: unbounded). */
export function memoise<T>(prepare: (text: string) => T): (text: string) => T {
  const prepared = new Map<string, T>();
  return (text) => {
    let value = prepared.get(text);
    if (value === undefined) prepared.set(text, (value = prepare(text)));
    return value;
  };
}
