import type { IncomingMessage } from 'node:http';

/** A file uploaded with a request (`files[n]` of a multipart body). */
export interface UploadedFile {
  /** n of `files[n]`, which the payload's `attachments[].id` refers to. */
  index: number;
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface ParsedBody {
  /** The JSON body, or the multipart `payload_json` field; undefined when there was no body. */
  json: unknown;
  files: UploadedFile[];
}

export async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Reads a JSON or multipart/form-data body. Multipart is parsed by the web `Request` class
 * built into Node (undici), which is what @discordjs/rest uses to build it.
 */
export async function parseBody(req: IncomingMessage, raw: Buffer): Promise<ParsedBody> {
  const contentType = req.headers['content-type'] ?? '';
  if (raw.length === 0) return { json: undefined, files: [] };
  if (contentType.startsWith('multipart/form-data')) {
    const form = await new Request('http://local/upload', { method: 'POST', headers: { 'content-type': contentType }, body: raw }).formData();
    const files: UploadedFile[] = [];
    let json: unknown;
    for (const [key, value] of form.entries()) {
      if (key === 'payload_json' && typeof value === 'string') {
        json = JSON.parse(value);
        continue;
      }
      const match = /^files\[(\d+)\]$/.exec(key);
      if (match && typeof value !== 'string') {
        files.push({
          index: Number(match[1]),
          filename: value.name,
          contentType: value.type || 'application/octet-stream',
          data: Buffer.from(await value.arrayBuffer()),
        });
      }
    }
    return { json, files };
  }
  return { json: JSON.parse(raw.toString('utf8')) as unknown, files: [] };
}
