import { SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { allowedHosts, downloadAttachment } from '../src/bot/attachments.js';
import { choice, localize } from '../src/bot/localize.js';
import { queuedMessage } from '../src/bot/messages.js';
import { queueCall } from '../src/bot/queue-call.js';
import { replyPrivately } from '../src/bot/router.js';
import type { BotCommand } from '../src/bot/types.js';
import { DATASET_NAMES } from '../src/data/index.js';
import { OPTIMIZERS } from '../src/engine/index.js';
import { UserError } from '../src/errors.js';
import { trainingPayloadSchema, type TrainingPayloadInput } from '../src/jobs/index.js';
import { BALANCE_CHOICES, HIDDEN_ACTIVATIONS, invalidOptionMessage, trainRequestSchema } from '../src/training/request.js';

/** Slash option name -> request field. */
const FIELDS = {
  dataset: 'dataset',
  target: 'target',
  hidden: 'hidden',
  activation: 'activation',
  optimizer: 'optimizer',
  'learning-rate': 'learningRate',
  epochs: 'epochs',
  batch: 'batchSize',
  seed: 'seed',
  balance: 'balance',
} as const;
const OPTION_OF_FIELD = Object.fromEntries(Object.entries(FIELDS).map(([option, field]) => [field, option]));

/** The interaction token lives 15 minutes; after that the bot edits with its own token. */
const TOKEN_LIFETIME_MS = 15 * 60_000;

const data = localize(new SlashCommandBuilder(), {
  en: { name: 'train', description: 'Train a neural network on a dataset; live progress, pictures and the story of the run' },
  'pt-BR': { name: 'treinar', description: 'Treina uma rede neural com um conjunto de dados: progresso ao vivo, imagens e a história do treino' },
})
  .addStringOption((o) =>
    localize(o, {
      en: { name: 'dataset', description: 'Built-in data (or attach a CSV in "file")' },
      'pt-BR': { name: 'dados', description: 'Conjunto embutido (ou anexe um CSV em "arquivo")' },
    }).addChoices(
      ...DATASET_NAMES.map((name) => (name === 'stroke' ? choice('stroke', 'stroke (AVC)', 'AVC (stroke)') : choice(name, name, name))),
    ),
  )
  .addAttachmentOption((o) =>
    localize(o, { en: { name: 'file', description: 'A CSV file to learn from (name the column to predict in "target")' }, 'pt-BR': { name: 'arquivo', description: 'Um arquivo CSV (diga a coluna a prever em "alvo")' } }),
  )
  .addStringOption((o) => localize(o, { en: { name: 'target', description: 'The CSV column to predict' }, 'pt-BR': { name: 'alvo', description: 'A coluna do CSV a prever' } }).setMaxLength(100))
  .addStringOption((o) =>
    localize(o, { en: { name: 'hidden', description: 'Neurons per hidden layer, e.g. 16,8' }, 'pt-BR': { name: 'ocultas', description: 'Neurônios por camada oculta, por exemplo 16,8' } }).setMaxLength(60),
  )
  .addStringOption((o) =>
    localize(o, { en: { name: 'activation', description: 'Activation of the hidden layers' }, 'pt-BR': { name: 'ativacao', description: 'Ativação das camadas ocultas' } }).addChoices(
      ...HIDDEN_ACTIVATIONS.map((a) => choice(a, a, a)),
    ),
  )
  .addStringOption((o) =>
    localize(o, { en: { name: 'optimizer', description: 'How the weights are updated' }, 'pt-BR': { name: 'otimizador', description: 'Como os pesos são atualizados' } }).addChoices(
      ...OPTIMIZERS.map((name) => choice(name, name, name)),
    ),
  )
  .addNumberOption((o) => localize(o, { en: { name: 'learning-rate', description: 'Step size (e.g. 0.01)' }, 'pt-BR': { name: 'taxa', description: 'Tamanho do passo (por exemplo 0.01)' } }))
  .addIntegerOption((o) => localize(o, { en: { name: 'epochs', description: 'Passes over the data (1-100000)' }, 'pt-BR': { name: 'epocas', description: 'Passadas pelos dados (1-100000)' } }))
  .addIntegerOption((o) => localize(o, { en: { name: 'batch', description: 'Rows per gradient step (1-4096)' }, 'pt-BR': { name: 'lote', description: 'Linhas por passo do gradiente (1-4096)' } }))
  .addIntegerOption((o) => localize(o, { en: { name: 'seed', description: 'Seed: same seed, same result' }, 'pt-BR': { name: 'semente', description: 'Semente: mesma semente, mesmo resultado' } }))
  .addStringOption((o) =>
    localize(o, { en: { name: 'balance', description: 'For rare classes: weigh them up or show them more often' }, 'pt-BR': { name: 'balanco', description: 'Para classes raras: dar mais peso ou mostrar mais vezes' } }).addChoices(
      ...BALANCE_CHOICES.map((name) => choice(name, name, name)),
    ),
  );

/** The request fields from the interaction's options (only the ones given). */
function requestInput(interaction: ChatInputCommandInteraction): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [option, field] of Object.entries(FIELDS)) {
    const value = interaction.options.get(option)?.value;
    if (value !== undefined && value !== null) input[field] = value;
  }
  return input;
}

export const trainCommand: BotCommand = {
  data,
  async execute(interaction, ctx, locale) {
    // Validate before acknowledging: a bad value gets a private answer at once.
    const input = requestInput(interaction);
    const file = interaction.options.getAttachment('file');
    if (file) {
      if (!/\.csv$/i.test(file.name)) throw new UserError('bot.attachment.notCsv', { name: file.name });
      if (!input.target) throw new UserError('bot.attachment.needsTarget');
      input.dataset = file.name;
    }
    const parsed = trainRequestSchema.safeParse(input);
    if (!parsed.success) {
      await replyPrivately(interaction, invalidOptionMessage(parsed.error, input, (field) => `\`${OPTION_OF_FIELD[field] ?? field}\``, locale));
      return;
    }
    const request = parsed.data;
    await interaction.deferReply();
    const reply = await interaction.fetchReply();
    let upload: { key: string } | undefined;
    if (file) {
      const bytes = await downloadAttachment(
        { url: file.url, size: file.size, name: file.name },
        { allowedHosts: allowedHosts(ctx.config.ATTACHMENT_HOSTS), maxBytes: ctx.config.CSV_MAX_BYTES },
      );
      upload = { key: await queueCall(ctx.queue.storeUpload(bytes)) };
    }
    const payload: TrainingPayloadInput = {
      request,
      ...(upload ? { upload } : {}),
      requester: { userId: interaction.user.id, ...(interaction.guildId ? { guildId: interaction.guildId } : {}), channelId: interaction.channelId, locale },
      replyTarget: {
        applicationId: interaction.applicationId,
        interactionToken: interaction.token,
        channelId: interaction.channelId,
        messageId: reply.id,
        tokenExpiresAt: interaction.createdTimestamp + TOKEN_LIFETIME_MS,
        // Discord has no threads inside threads: the story then goes into this same thread.
        ...(interaction.channel?.isThread() ? { inThread: true } : {}),
      },
      requestedAt: Date.now(),
    };
    const queued = await queueCall(ctx.queue.enqueueTraining(payload));
    ctx.delivery.follow(queued.jobId, trainingPayloadSchema.parse(payload));
    const body = queuedMessage(queued.jobId, request.dataset, queued.position, locale);
    await interaction.editReply({ content: body.content, components: body.components });
  },
};
