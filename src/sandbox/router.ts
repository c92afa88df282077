import type { IncomingMessage, ServerResponse } from 'node:http';
import { DiscordHttpError, notFoundRoute, unauthorized } from './errors.js';
import { parseBody, readRaw, type ParsedBody } from './multipart.js';
import type { RateLimiter } from './ratelimit.js';
import type { World } from './state.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteContext {
  /** Path parameters by name, already URL-decoded (`%40original` -> `@original`). */
  params: Record<string, string>;
  query: URLSearchParams;
  body: ParsedBody;
  world: World;
}

export interface RouteResult {
  status: number;
  /** Omitted for 204: Discord sends no content type then (an empty body labelled JSON makes undici throw). */
  json?: unknown;
}

export interface Route {
  method: HttpMethod;
  /** Path under /api/v10 with `:name` parameters, e.g. `/channels/:channelId/messages`. */
  path: string;
  /** `bot`: needs `Authorization: Bot <token>`. `none`: interaction and webhook routes authenticate by their token in the path. */
  auth: 'bot' | 'none';
  /** Interaction callbacks are not rate limited on Discord; everything else is. */
  rateLimited: boolean;
  handle(ctx: RouteContext): RouteResult | Promise<RouteResult>;
}

/** The parameters that make a separate rate-limit bucket on Discord ("major parameters"). */
const MAJOR_PARAMETERS = ['channelId', 'guildId', 'webhookId'] as const;

export interface RouterOptions {
  world: World;
  rateLimiter: RateLimiter;
  routes: Route[];
  /** When set, bot-token routes accept only this token; otherwise any `Bot <token>`. */
  botToken?: string;
}

/** Matches a request to a route, applies auth and rate limits, and turns DiscordHttpErrors into Discord-shaped answers and recorded violations. */
export async function handleRest(req: IncomingMessage, res: ServerResponse, apiPath: string, search: string, options: RouterOptions): Promise<void> {
  const { world, rateLimiter } = options;
  const method = (req.method ?? 'GET').toUpperCase();
  const routeLabel = `${method} ${apiPath}`;
  const fail = (error: DiscordHttpError, headers: Record<string, string> = {}) => {
    world.recordViolation({ kind: error.kind, message: error.message, route: routeLabel, status: error.status, code: error.code });
    sendJson(res, error.status, error.toJSON(), headers);
  };

  const match = matchRoute(options.routes, method, apiPath);
  if (!match) {
    await readRaw(req);
    return fail(notFoundRoute());
  }
  const { route, params } = match;

  if (route.auth === 'bot') {
    const header = req.headers.authorization ?? '';
    const token = /^Bot (\S+)$/.exec(header)?.[1];
    if (!token || (options.botToken !== undefined && token !== options.botToken)) {
      await readRaw(req);
      return fail(unauthorized());
    }
  }

  let headers: Record<string, string> = {};
  if (route.rateLimited) {
    const major = MAJOR_PARAMETERS.map((name) => params[name]).find((value) => value !== undefined) ?? '';
    const webhookToken = params.webhookId ? (params.token ?? '') : '';
    const decision = rateLimiter.take(`${method} ${route.path} ${major}${webhookToken}`, routeLabel);
    headers = { ...decision.headers };
    if (decision.limited) {
      await readRaw(req);
      const retryAfter = decision.retryAfterMs / 1000;
      // Injected 429s simulate Discord's shared limits; only a bot ignoring advertised limits is at fault.
      if (!decision.injected) {
        world.recordViolation({ kind: 'rate-limited', message: `rate limited, retry after ${retryAfter}s`, route: routeLabel, status: 429 });
      }
      return sendJson(res, 429, { message: 'You are being rate limited.', retry_after: retryAfter, global: false }, decision.headers);
    }
  }

  try {
    const raw = await readRaw(req);
    let body: ParsedBody;
    try {
      body = await parseBody(req, raw);
    } catch {
      throw new DiscordHttpError(400, 50109, 'The request body contains invalid JSON.', 'invalid-body');
    }
    const result = await route.handle({ params, query: new URLSearchParams(search), body, world });
    if (result.json === undefined) {
      res.writeHead(result.status, headers);
      res.end();
    } else {
      sendJson(res, result.status, result.json, headers);
    }
  } catch (error) {
    if (error instanceof DiscordHttpError) return fail(error, headers);
    // A bug of the local Discord, not of the bot: answer 500 and make it loud.
    console.error('[local-discord] internal error on', routeLabel, error);
    sendJson(res, 500, { message: '500: Internal Server Error', code: 0 }, headers);
  }
}

export function sendJson(res: ServerResponse, status: number, json: unknown, headers: Record<string, string> = {}): void {
  const body = JSON.stringify(json);
  res.writeHead(status, { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function matchRoute(routes: Route[], method: string, path: string): { route: Route; params: Record<string, string> } | null {
  const segments = path.split('/').filter(Boolean).map(safeDecode);
  for (const route of routes) {
    if (route.method !== method) continue;
    const pattern = route.path.split('/').filter(Boolean);
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const ok = pattern.every((part, i) => {
      if (part.startsWith(':')) {
        params[part.slice(1)] = segments[i];
        return true;
      }
      return part === segments[i];
    });
    if (ok) return { route, params };
  }
  return null;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
