/**
 * `npm run bench:bot`: the whole bot under a crowd, through the local Discord.
 *
 * 50 simulated users send 200 /train (xor, 30 epochs) and 100 /explain between them, each user one
 * command at a time (a /train waits for its final reply before the user's next command, which
 * respects MAX_JOBS_PER_USER=2 without raising it). Measured:
 *   - acknowledgement latency (INTERACTION_CREATE sent -> first response), median and p99;
 *   - time to final reply: /train until the ✅ result edit, /explain until its reply is written
 *     (its thread goes on in the background);
 *   - lost or duplicated replies (every /train must end with exactly one result; every result
 *     story thread exactly once), and any Discord rule the bot broke (violations);
 *   - the bot's peak RSS: the bot runs as `npm start` in its own process (the local Discord and
 *     the simulated users stay in this one), read from the kernel's high-water mark (VmHWM).
 * Targets: ack p99 < 100 ms, nothing lost or duplicated, bot peak RSS < 250 MB.
 *
 * Flags: --users=50 --trains=200 --explains=100 --workers=2 --epochs=30
 *        --limits=relaxed (default) | discord   --quick (10 users, 20 /train, 10 /explain)   --json
 * The local Discord enforces Discord's per-route limits by default (5 requests per 5 s per route and
 * channel). Every /train and /explain starts a thread on #general, and thread creation in one
 * channel is one such route: with `--limits=discord` 300 threads take at least 300 s, which then
 * dominates "time to final reply" (realistic for one busy channel). The default `relaxed` allows
 * 1,000 per 5 s, to measure the bot rather than the rate limit.
 */
import { readFileSync } from 'node:fs';
import { ApplicationCommandOptionType } from 'discord.js';
import { startSandbox, type Sandbox } from '../src/start/sandbox.js';
import type { InteractionHandle, LocalDiscord, SandboxUser } from '../src/sandbox/index.js';
import { fmt, formatTable, machineInfo, median, parseFlags, progress } from './lib.js';

const flags = parseFlags();
const num = (name: string, fallback: number, quick: number) => Number(flags.extra[name] ?? (flags.quick ? quick : fallback));
const USERS = num('users', 50, 10);
const TRAINS = num('trains', 200, 20);
const EXPLAINS = num('explains', 100, 10);
const WORKERS = num('workers', 2, 2);
const EPOCHS = num('epochs', 30, 30);
const LIMITS = String(flags.extra.limits ?? 'relaxed');
const FINAL_TIMEOUT_MS = 600_000;
const TOPICS = ['neuron', 'loss', 'backprop', 'activation', 'layers'];

const TARGETS = { ackP99Ms: 100, rssMb: 250 };

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Peak and current resident memory of a process, from /proc (Linux); NaN elsewhere. */
function memoryOf(pid: number): { peakMb: number; rssMb: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
    return { peakMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
  } catch {
    return { peakMb: Number.NaN, rssMb: Number.NaN };
  }
}

interface Sample {
  kind: 'train' | 'explain';
  ackMs: number;
  finalMs: number | null;
  outcome: 'ok' | 'refused' | 'failed' | 'lost';
}

/** The reply's first terminal state: ✅ result, a failure (❌ 🛑 ⌛ 💥), or a private refusal. */
function trainOutcome(handle: InteractionHandle): { at: number; outcome: Sample['outcome'] } | undefined {
  const reply = handle.original();
  if (!reply) return undefined;
  if ((reply.flags & 64) !== 0 && reply.content) return { at: reply.editedAt ?? reply.createdAt, outcome: 'refused' };
  const edit = reply.edits.find((e) => /^[✅❌🛑⌛💥]/u.test(e.after.content));
  if (!edit) return undefined;
  return { at: edit.at, outcome: edit.after.content.startsWith('✅') ? 'ok' : 'failed' };
}

async function runUser(discord: LocalDiscord, user: SandboxUser, plan: ('train' | 'explain')[], samples: Sample[], seed: number): Promise<void> {
  // Users do not all arrive in the same millisecond.
  await new Promise((resolve) => setTimeout(resolve, (seed * 37) % 2_000));
  for (const [i, kind] of plan.entries()) {
    const handle =
      kind === 'train'
        ? discord.sendCommand({
            user,
            name: 'train',
            options: [
              { name: 'dataset', type: ApplicationCommandOptionType.String, value: 'xor' },
              { name: 'epochs', type: ApplicationCommandOptionType.Integer, value: EPOCHS },
              { name: 'seed', type: ApplicationCommandOptionType.Integer, value: seed * 100 + i },
            ],
          })
        : discord.sendCommand({ user, name: 'explain', options: [{ name: 'topic', type: ApplicationCommandOptionType.String, value: TOPICS[(seed + i) % TOPICS.length] }] });
    const sent = handle.interaction.createdAt;
    let ackMs: number;
    try {
      ackMs = (await handle.waitForResponse(10_000)).ackMs;
    } catch {
      samples.push({ kind, ackMs: Number.NaN, finalMs: null, outcome: 'lost' });
      continue;
    }
    try {
      if (kind === 'train') {
        const done = await discord.waitFor(() => trainOutcome(handle), FINAL_TIMEOUT_MS);
        samples.push({ kind, ackMs, finalMs: done.at - sent, outcome: done.outcome });
      } else {
        const reply = await discord.waitFor(() => {
          const message = handle.original();
          return message && (message.flags & 128) === 0 && message.content ? message : undefined;
        }, FINAL_TIMEOUT_MS);
        samples.push({ kind, ackMs, finalMs: (reply.editedAt ?? reply.createdAt) - sent, outcome: 'ok' });
      }
    } catch {
      samples.push({ kind, ackMs, finalMs: null, outcome: 'lost' });
    }
  }
}

/** Each user's commands: trains and explains spread evenly over users, interleaved. */
function plans(): ('train' | 'explain')[][] {
  const all: ('train' | 'explain')[][] = Array.from({ length: USERS }, () => []);
  for (let i = 0; i < TRAINS; i++) all[i % USERS].push('train');
  for (let i = 0; i < EXPLAINS; i++) all[i % USERS].splice(1 + ((i * 2) % (all[i % USERS].length + 1)), 0, 'explain');
  return all;
}

async function main(): Promise<number> {
  progress(`bench:bot: ${USERS} users, ${TRAINS} /train (xor, ${EPOCHS} epochs), ${EXPLAINS} /explain, ${WORKERS} workers, limits=${LIMITS}`);
  const sandbox: Sandbox = await startSandbox({
    workers: WORKERS,
    bot: 'child',
    logDir: 'out/bench',
    limits: LIMITS === 'discord' ? {} : { routeRequestsPerWindow: 1_000 },
    env: { LOG_LEVEL: 'warn', MAX_QUEUE_LENGTH: '10000', MAX_JOBS_PER_GUILD: String(Math.max(10, USERS * 2)) },
  });
  const { discord } = sandbox;
  // Every waiting user listens for changes of the world: 50 users are not a leak.
  discord.world.setMaxListeners(0);
  const botPid = sandbox.botProcess!.pid!;
  const baseline = memoryOf(botPid);
  let sampledPeak = baseline.rssMb;
  const sampler = setInterval(() => (sampledPeak = Math.max(sampledPeak, memoryOf(botPid).rssMb)), 200);
  const samples: Sample[] = [];
  const started = performance.now();
  try {
    const users = Array.from({ length: USERS }, (_, i) => discord.createUser({ username: `user${i}` }));
    const userPlans = plans();
    const ticker = setInterval(() => progress(`  ${samples.length}/${TRAINS + EXPLAINS} answered, ${((performance.now() - started) / 1000).toFixed(0)} s`), 10_000);
    await Promise.all(users.map((user, i) => runUser(discord, user, userPlans[i], samples, i)));
    clearInterval(ticker);
    // Story threads and lesson posts finish after the final replies: wait for the bot to go quiet.
    const { waitForQuiet } = await import('../src/start/terminal.js');
    await waitForQuiet(discord, 300_000, 3_000);
  } finally {
    clearInterval(sampler);
  }
  const wallS = (performance.now() - started) / 1000;
  const memory = memoryOf(botPid);
  const peakMb = Number.isFinite(memory.peakMb) ? memory.peakMb : sampledPeak;

  // Exactly once: one result per /train reply, and one story thread per result.
  const trainHandlesResults = discord.interactions.filter((i) => i.commandName === 'train');
  let duplicated = 0;
  for (const interaction of trainHandlesResults) {
    const reply = interaction.originalMessageId ? discord.message(interaction.originalMessageId) : undefined;
    const results = reply?.edits.filter((e) => e.after.content.startsWith('✅') && !e.before.content.startsWith('✅')).length ?? 0;
    if (results > 1) duplicated++;
  }
  const storyThreads = new Map<string, number>();
  for (const thread of discord.threads) if (thread.starterMessageId) storyThreads.set(thread.starterMessageId, (storyThreads.get(thread.starterMessageId) ?? 0) + 1);
  duplicated += [...storyThreads.values()].filter((n) => n > 1).length;
  const violations = discord.violations.reduce<Record<string, number>>((acc, v) => ({ ...acc, [v.kind]: (acc[v.kind] ?? 0) + 1 }), {});
  await sandbox.close();

  const of = (kind: Sample['kind']) => samples.filter((s) => s.kind === kind);
  const acks = samples.map((s) => s.ackMs).filter(Number.isFinite);
  const finals = (kind: Sample['kind']) => of(kind).map((s) => s.finalMs).filter((v): v is number => v !== null);
  const lost = samples.filter((s) => s.outcome === 'lost').length;
  const refused = samples.filter((s) => s.outcome === 'refused').length;
  const failed = samples.filter((s) => s.outcome === 'failed').length;
  const report = {
    machine: await machineInfo(),
    setup: { users: USERS, trains: TRAINS, explains: EXPLAINS, workers: WORKERS, epochs: EPOCHS, limits: LIMITS, bot: 'child process (npm start with DISCORD_API_URL = local Discord)' },
    wallSeconds: wallS,
    ackMs: { median: median(acks), p99: percentile(acks, 99), max: Math.max(...acks) },
    ackByKindMs: Object.fromEntries(
      (['train', 'explain'] as const).map((kind) => {
        const values = of(kind).map((s) => s.ackMs).filter(Number.isFinite);
        return [kind, { median: median(values), p99: percentile(values, 99) }];
      }),
    ),
    trainFinalMs: { median: median(finals('train')), p99: percentile(finals('train'), 99) },
    explainFinalMs: { median: median(finals('explain')), p99: percentile(finals('explain'), 99) },
    answered: samples.length,
    lost,
    duplicated,
    refused,
    failed,
    violations,
    botRssMb: { start: baseline.rssMb, peak: peakMb, end: memory.rssMb },
  };
  const pass = {
    ack: report.ackMs.p99 < TARGETS.ackP99Ms,
    replies: lost === 0 && duplicated === 0 && samples.length === TRAINS + EXPLAINS,
    rss: peakMb < TARGETS.rssMb,
  };
  if (flags.json) {
    process.stdout.write(JSON.stringify({ ...report, pass }, null, 2) + '\n');
  } else {
    const ms = (v: number) => `${fmt(v)} ms`;
    const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
    console.log(`\nbench:bot on ${report.machine.cpu} (${report.machine.cores} cores), ${report.machine.node}; ${USERS} users, ${TRAINS} /train + ${EXPLAINS} /explain in ${wallS.toFixed(1)} s; local Discord limits: ${LIMITS}`);
    console.log(
      formatTable(
        ['measure', 'median', 'p99', 'target', 'verdict'],
        [
          ['acknowledgement', ms(report.ackMs.median), ms(report.ackMs.p99), '< 100 ms (p99)', verdict(pass.ack)],
          ['  of /train', ms(report.ackByKindMs.train.median), ms(report.ackByKindMs.train.p99), '-', '-'],
          ['  of /explain', ms(report.ackByKindMs.explain.median), ms(report.ackByKindMs.explain.p99), '-', '-'],
          ['/train -> final result', ms(report.trainFinalMs.median), ms(report.trainFinalMs.p99), '-', '-'],
          ['/explain -> reply written', ms(report.explainFinalMs.median), ms(report.explainFinalMs.p99), '-', '-'],
          ['bot peak RSS (VmHWM)', `${fmt(peakMb)} MB`, '-', '< 250 MB', verdict(pass.rss)],
          ['replies lost / duplicated', `${lost} / ${duplicated}`, '-', '0 / 0', verdict(pass.replies)],
        ],
      ),
    );
    console.log(`refused (quota): ${refused}, failed jobs: ${failed}, Discord rules broken: ${JSON.stringify(violations)}; bot RSS at start ${fmt(baseline.rssMb)} MB, at end ${fmt(memory.rssMb)} MB.`);
  }
  return pass.ack && pass.replies && pass.rss ? 0 : 1;
}

process.exit(await main());
