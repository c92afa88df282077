/**
 * Per-route rate limits, answered with the headers @discordjs/rest reads (X-RateLimit-*) so a
 * well-behaved client queues itself and never sees a 429; a 429 therefore means the bot (or
 * something around it) ignored the limits. `inject` forces 429s to test that the client retries.
 */
export type RateLimitHeaders = {
  'X-RateLimit-Limit': string;
  'X-RateLimit-Remaining': string;
  'X-RateLimit-Reset': string;
  'X-RateLimit-Reset-After': string;
  'X-RateLimit-Bucket': string;
};

export type RateLimitDecision =
  | { limited: false; headers: RateLimitHeaders }
  | { limited: true; retryAfterMs: number; headers: RateLimitHeaders & { 'Retry-After': string; 'X-RateLimit-Scope': string }; injected: boolean };

interface Window {
  startedAt: number;
  used: number;
}

interface InjectedLimit {
  remaining: number;
  retryAfterMs: number;
  routeIncludes?: string;
}

export class RateLimiter {
  private readonly windows = new Map<string, Window>();
  private readonly injected: InjectedLimit[] = [];

  constructor(private readonly limits: { routeRequestsPerWindow: number; routeWindowMs: number }) {}

  /** Forces the next `times` requests whose `METHOD /path` contains `routeIncludes` (all if unset) to get a 429. */
  inject(options: { times?: number; retryAfterMs?: number; routeIncludes?: string } = {}): void {
    this.injected.push({ remaining: options.times ?? 1, retryAfterMs: options.retryAfterMs ?? 250, routeIncludes: options.routeIncludes });
  }

  /**
   * Counts one request against `bucket` (route template plus major parameter).
   * `route` is the concrete `METHOD /path`, only used to match injected limits.
   */
  take(bucket: string, route: string, now: number = Date.now()): RateLimitDecision {
    const { routeRequestsPerWindow: limit, routeWindowMs } = this.limits;
    let window = this.windows.get(bucket);
    if (!window || now >= window.startedAt + routeWindowMs) {
      window = { startedAt: now, used: 0 };
      this.windows.set(bucket, window);
    }
    const resetAfterMs = window.startedAt + routeWindowMs - now;
    const headersFor = (remaining: number): RateLimitHeaders => ({
      'X-RateLimit-Limit': String(limit),
      'X-RateLimit-Remaining': String(remaining),
      'X-RateLimit-Reset': ((now + resetAfterMs) / 1000).toFixed(3),
      'X-RateLimit-Reset-After': (resetAfterMs / 1000).toFixed(3),
      'X-RateLimit-Bucket': bucketHash(bucket),
    });

    const forced = this.injected.find((i) => i.remaining > 0 && (i.routeIncludes === undefined || route.includes(i.routeIncludes)));
    if (forced) {
      forced.remaining -= 1;
      return { limited: true, injected: true, retryAfterMs: forced.retryAfterMs, headers: limitedHeaders(headersFor(Math.max(0, limit - window.used)), forced.retryAfterMs) };
    }
    if (window.used >= limit) {
      return { limited: true, injected: false, retryAfterMs: resetAfterMs, headers: limitedHeaders(headersFor(0), resetAfterMs) };
    }
    window.used += 1;
    return { limited: false, headers: headersFor(limit - window.used) };
  }
}

function limitedHeaders(headers: RateLimitHeaders, retryAfterMs: number) {
  // Discord's Retry-After is in seconds; @discordjs/rest multiplies it by 1000.
  return { ...headers, 'Retry-After': (retryAfterMs / 1000).toFixed(3), 'X-RateLimit-Scope': 'user' };
}

/** Discord's bucket ids are opaque hashes; a short stable one per route template is enough. */
function bucketHash(bucket: string): string {
  const route = bucket.split(' ').slice(0, 2).join(' ');
  let hash = 0;
  for (const char of route) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash.toString(16);
}
