import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowedHosts, downloadAttachment } from '../../src/bot/attachments.js';

/** A file server that can lie: /honest sends 10 bytes with their length, /liar streams 5,000 bytes without one. */
let server: Server;
let base: string;
let requests = 0;
beforeAll(async () => {
  server = createServer((req, res) => {
    requests++;
    if (req.url === '/honest') {
      res.writeHead(200, { 'content-length': '10' }).end(Buffer.from('a,b\n1,2\n3,'));
    } else if (req.url === '/liar') {
      res.writeHead(200);
      for (let i = 0; i < 50; i++) res.write(Buffer.alloc(100, 120));
      res.end();
    } else res.writeHead(404).end();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => void server.close());

const options = { allowedHosts: ['127.0.0.1'], maxBytes: 1000 };

describe('downloadAttachment', () => {
  it('downloads from an allowed host', async () => {
    const bytes = await downloadAttachment({ url: `${base}/honest`, size: 10, name: 'a.csv' }, options);
    expect(Buffer.from(bytes).toString()).toBe('a,b\n1,2\n3,');
  });

  it('refuses a host that is not Discord (nor allowed), without connecting', async () => {
    const before = requests;
    await expect(downloadAttachment({ url: 'https://evil.example/file.csv', size: 10, name: 'a.csv' }, options)).rejects.toThrow(
      'Attachments are only downloaded from Discord; this one is on "evil.example".',
    );
    expect(requests).toBe(before);
  });

  it('refuses a file whose declared size is over the cap, before downloading', async () => {
    const before = requests;
    await expect(downloadAttachment({ url: `${base}/honest`, size: 5000, name: 'a.csv' }, options)).rejects.toThrow('The file is 5000 bytes; the limit is 1000 bytes.');
    expect(requests).toBe(before);
  });

  it('stops a download that grows past the cap, whatever size was declared', async () => {
    await expect(downloadAttachment({ url: `${base}/liar`, size: 10, name: 'a.csv' }, options)).rejects.toThrow(/the limit is 1000 bytes/);
  });

  it('reads the allowed hosts from the setting', () => {
    expect(allowedHosts(' cdn.discordapp.com, Media.DiscordApp.net ,,')).toEqual(['cdn.discordapp.com', 'media.discordapp.net']);
  });
});
