const DISCORD_EPOCH = 1_420_070_400_000n;
let increment = 0n;

/** A Discord id: milliseconds since 2015 in the top bits, so discord.js reads the right creation time. */
export function snowflake(at: number = Date.now()): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | (1n << 17n) | increment).toString();
}
