/**
 * `npm run demo`: the sandbox of `npm start`, driven without a person. One user runs
 * `/demo topic:stroke` and then `/explain topic:backprop`; the whole conversation is printed,
 * pictures are saved to ./out (or OUT_DIR), and the run fails (exit 1, with the reason) if the tour is
 * incomplete, the bot broke a Discord rule, or it all took longer than DEMO_LIMIT_MS (default 120 s).
 * CI runs it.
 */
import { join, resolve } from 'node:path';
import { demoText } from '../src/bot/demo.js';
import { loadDotEnv } from '../src/start/env.js';
import { startSandbox, type Sandbox } from '../src/start/sandbox.js';
import { waitForQuiet } from '../src/start/terminal.js';
import { attachTranscript } from '../src/start/transcript.js';
import type { LocalDiscord, RecordedMessage, SandboxUser } from '../src/sandbox/index.js';

const LIMIT_MS = Number(process.env.DEMO_LIMIT_MS ?? 120_000);
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const say = (text: string) => process.stdout.write(text + '\n');

/** Runs one command as `user` and resolves with the thread started on its reply, once `done` says the thread is complete. */
async function runTour(discord: LocalDiscord, user: SandboxUser, line: string, name: string, options: { name: string; type: number; value: string }[], done: (posts: RecordedMessage[]) => boolean, timeoutMs: number) {
  say(`\n» ${user.user.username}: ${line}`);
  const handle = discord.sendCommand({ user, name, options, locale: 'en-US' });
  await handle.waitForResponse();
  const threadId = await discord.waitFor(() => handle.original()?.threadId, 30_000);
  await discord.waitFor(() => done(discord.messagesIn(threadId)), timeoutMs);
  return discord.messagesIn(threadId);
}

/** What the tour must contain; each missing part is one problem. */
function checkDemo(posts: RecordedMessage[]): string[] {
  const problems: string[] = [];
  const lessons = posts.filter((m) => m.content.startsWith('📖'));
  if (lessons.length < 2) problems.push(`expected at least 2 lesson posts in the demo thread, found ${lessons.length}`);
  const result = posts.find((m) => m.content.startsWith('✅'));
  if (!result) problems.push('no training result in the demo thread');
  else if (!result.attachments.some((a) => a.filename.endsWith('.png'))) problems.push('the training result has no pictures');
  const prediction = posts.find((m) => m.content.includes('🩺'));
  if (!prediction) problems.push('no prediction for the example patient');
  else if (!/not medical advice/.test(prediction.content)) problems.push('the prediction has no disclaimer');
  return problems;
}

async function main(): Promise<number> {
  loadDotEnv();
  const outDir = resolve(process.env.OUT_DIR ?? 'out');
  say('backprop-bot demo: the local sandbox (no Discord needed), one user, /demo topic:stroke then /explain topic:backprop.');
  let sandbox: Sandbox | undefined;
  const timer = setTimeout(() => {
    console.error(`\nThe demo took longer than ${LIMIT_MS / 1000} s; stopping. (Logs: ${join(outDir, 'sandbox.log')})`);
    void (sandbox?.close() ?? Promise.resolve()).finally(() => process.exit(1));
  }, LIMIT_MS);
  timer.unref();
  try {
    sandbox = await startSandbox({ logDir: outDir, postPauseMs: 100 });
    const { discord } = sandbox;
    say(`Sandbox ready in ${elapsed()} (Redis ${sandbox.redis.private ? 'private' : 'shared'}, 1 worker). The conversation:`);
    const transcript = attachTranscript({ discord, outDir, write: say });
    const ana = discord.createUser({ username: 'ana', locale: 'en-US' });
    const text = demoText('en');
    const demoPosts = await runTour(discord, ana, '/demo topic:stroke', 'demo', [{ name: 'topic', type: 3, value: 'stroke' }], (posts) => posts.some((m) => m.content === text.outro || m.content === text.failed || m.content.startsWith(text.quota(''))), LIMIT_MS);
    const problems = checkDemo(demoPosts);

    const explain = discord.guildCommands().find((c) => c.name === 'explain');
    if (explain) {
      const lessonPosts = await runTour(discord, ana, '/explain topic:backprop', 'explain', [{ name: 'topic', type: 3, value: 'backprop' }], (posts) => {
        const last = posts.at(-1)?.content ?? '';
        const numbered = /^(\d+)\/(\d+)\s/.exec(last);
        return numbered !== null && numbered[1] === numbered[2];
      }, LIMIT_MS);
      if (lessonPosts.length < 2) problems.push(`the backprop lesson has ${lessonPosts.length} posts`);
    } else {
      say('\n(/explain is not registered in this build: skipped.)');
    }
    await waitForQuiet(discord, 10_000, 500);
    transcript.stop();

    for (const violation of discord.violations) problems.push(`the bot broke a Discord rule: ${violation.kind}: ${violation.message}`);
    say(`\n${discord.messages.length} messages in ${elapsed()}; ${transcript.saved.length} pictures saved to ${outDir}.`);
    if (problems.length > 0) {
      console.error(`\nThe demo is incomplete:\n- ${problems.join('\n- ')}\n(Logs: ${join(outDir, 'sandbox.log')})`);
      return 1;
    }
    say('Demo complete: no Discord rule broken.');
    return 0;
  } catch (error) {
    console.error(`\nThe demo failed after ${elapsed()}: ${(error as Error).message}\n(Logs: ${join(outDir, 'sandbox.log')})`);
    return 1;
  } finally {
    await sandbox?.close();
    clearTimeout(timer);
  }
}

// Exit as soon as everything is closed: a timer left by in-flight work must not hold CI.
process.exit(await main());
