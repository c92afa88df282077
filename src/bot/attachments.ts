import { UserError } from '../errors.js';

/**
 * Downloads a user's attachment safely: only from the URL Discord put in the interaction, only from
 * allowed hosts (Discord's CDN; the local Discord in tests), and never more than `maxBytes`: the
 * declared size is checked before, and the bytes while they arrive (a server can lie about size).
 */
export async function downloadAttachment(
  attachment: { url: string; size: number; name: string },
  options: { allowedHosts: readonly string[]; maxBytes: number; timeoutMs?: number },
): Promise<Uint8Array> {
  let url: URL;
  try {
    url = new URL(attachment.url);
  } catch {
    throw new UserError('bot.attachment.host', { host: '?' });
  }
  if (!['https:', 'http:'].includes(url.protocol) || !options.allowedHosts.includes(url.hostname)) {
    throw new UserError('bot.attachment.host', { host: url.hostname });
  }
  if (attachment.size > options.maxBytes) throw new UserError('data.csv.tooLarge', { size: attachment.size, limit: options.maxBytes });
  const response = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs ?? 15_000), redirect: 'error' }).catch(() => {
    throw new UserError('bot.attachment.download', { name: attachment.name });
  });
  if (!response.ok || !response.body) throw new UserError('bot.attachment.download', { name: attachment.name });
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > options.maxBytes) throw new UserError('data.csv.tooLarge', { size: declared, limit: options.maxBytes });
  const chunks: Uint8Array[] = [];
  let received = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    received += chunk.byteLength;
    if (received > options.maxBytes) throw new UserError('data.csv.tooLarge', { size: received, limit: options.maxBytes });
    chunks.push(chunk);
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The allowed hosts from the ATTACHMENT_HOSTS setting ("a,b,c"). */
export function allowedHosts(setting: string): string[] {
  return setting
    .split(',')
    .map((host) => host.trim().toLowerCase())
    .filter(Boolean);
}
