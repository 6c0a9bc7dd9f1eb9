/**
 * A running count of the work query-time steps do, in rough units: a character hashed, compared
 * or converted, a posting added up, a piece looked up. Search itself never reads it; tests and
 * the bench read it around one query to bound that query's work without timing it.
 */
let units = 0;

export function countWork(amount: number): void {
  units += amount;
}

/** Units counted since the process started; subtract two readings for one query's work. */
export function workDone(): number {
  return units;
}
