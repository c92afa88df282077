/**
 * Snowflake ids like Discord's: milliseconds since the Discord epoch in the high bits, so that
 * discord.js can read a creation time from any id we hand out, and ids sort by creation order.
 */
const DISCORD_EPOCH = 1_420_070_400_000n;

export class SnowflakeGenerator {
  private lastTimestamp = 0n;
  private sequence = 0n;

  next(now: number = Date.now()): string {
    const timestamp = BigInt(now) - DISCORD_EPOCH;
    // Several ids in the same millisecond differ by a 12-bit sequence, as on Discord.
    if (timestamp <= this.lastTimestamp) {
      this.sequence = (this.sequence + 1n) & 0xfffn;
      if (this.sequence === 0n) this.lastTimestamp += 1n;
    } else {
      this.lastTimestamp = timestamp;
      this.sequence = 0n;
    }
    return ((this.lastTimestamp << 22n) | this.sequence).toString();
  }
}

/** The creation time (ms since 1970) encoded in a snowflake. */
export function snowflakeTime(id: string): number {
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH);
}
