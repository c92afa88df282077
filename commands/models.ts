import { MessageFlags, PermissionFlagsBits, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { modelsMessage } from '../src/bot/lists.js';
import { localize } from '../src/bot/localize.js';
import { canSeeModel } from '../src/bot/predict-model.js';
import { queueCall } from '../src/bot/queue-call.js';
import type { BotCommand, BotContext } from '../src/bot/types.js';
import { UserError } from '../src/errors.js';
import { t, type Locale } from '../src/locales/index.js';

/**
 * /models list | export model:<id> | delete model:<id>. All private. A model is visible to its
 * owner and to its guild; only the owner or a member with Manage Server may delete it (the store
 * checks that rule).
 */

const modelOption = {
  en: { name: 'model', description: 'The model id (see /models list)' },
  'pt-BR': { name: 'modelo', description: 'O id do modelo (veja /modelos listar)' },
};

const data = localize(new SlashCommandBuilder(), {
  en: { name: 'models', description: "Your and this server's trained models: list, export as JSON, delete" },
  'pt-BR': { name: 'modelos', description: 'Seus modelos e os do servidor: listar, exportar em JSON, apagar' },
})
  .addSubcommand((s) =>
    localize(s, { en: { name: 'list', description: "Your models and this server's" }, 'pt-BR': { name: 'listar', description: 'Seus modelos e os do servidor' } }),
  )
  .addSubcommand((s) =>
    localize(s, {
      en: { name: 'export', description: 'Send a model as a JSON file (use it with the CLI: npm run cli -- predict)' },
      'pt-BR': { name: 'exportar', description: 'Envia um modelo como arquivo JSON (use com a CLI: npm run cli -- predict)' },
    }).addStringOption((o) => localize(o, modelOption).setRequired(true).setMaxLength(64)),
  )
  .addSubcommand((s) =>
    localize(s, {
      en: { name: 'delete', description: 'Delete one of your models (or any, with Manage Server)' },
      'pt-BR': { name: 'apagar', description: 'Apaga um dos seus modelos (ou qualquer um, com Gerenciar Servidor)' },
    }).addStringOption((o) => localize(o, modelOption).setRequired(true).setMaxLength(64)),
  );

async function list(interaction: ChatInputCommandInteraction, ctx: BotContext, locale: Locale): Promise<void> {
  const [mine, guild] = await queueCall(
    Promise.all([ctx.store.listByUser(interaction.user.id), interaction.guildId ? ctx.store.listByGuild(interaction.guildId) : Promise.resolve(null)]),
  );
  await interaction.editReply({
    content: modelsMessage({ mine, guild, userId: interaction.user.id, ttlDays: ctx.config.MODEL_TTL_DAYS, locale }),
    allowedMentions: { parse: [] },
  });
}

async function exportModel(interaction: ChatInputCommandInteraction, ctx: BotContext, locale: Locale, modelId: string): Promise<void> {
  const viewer = { userId: interaction.user.id, ...(interaction.guildId ? { guildId: interaction.guildId } : {}) };
  const meta = await queueCall(ctx.store.meta(modelId));
  if (!meta || !canSeeModel(meta, viewer)) throw new UserError('bot.models.notFound', { modelId });
  const json = await queueCall(ctx.store.modelJson(modelId));
  if (json === null) throw new UserError('bot.models.notFound', { modelId });
  const bytes = Buffer.from(json, 'utf8');
  // Discord's per-file limit for this server (boosted servers allow more), as the interaction says.
  const limit = interaction.attachmentSizeLimit || 10 * 1024 * 1024;
  if (bytes.byteLength > limit) throw new UserError('bot.models.tooLarge', { size: bytes.byteLength, limit });
  await interaction.editReply({
    content: t(locale, 'bot.models.exported', { modelId, dataset: meta.dataset }),
    files: [{ attachment: bytes, name: `${modelId}.json` }],
  });
}

async function deleteModel(interaction: ChatInputCommandInteraction, ctx: BotContext, locale: Locale, modelId: string): Promise<void> {
  const outcome = await queueCall(
    ctx.store.delete(modelId, {
      userId: interaction.user.id,
      canManageGuild: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
      ...(interaction.guildId ? { guildId: interaction.guildId } : {}),
    }),
  );
  const key = outcome === 'deleted' ? 'bot.models.deleted' : outcome === 'forbidden' ? 'bot.models.forbidden' : 'bot.models.notFound';
  await interaction.editReply({ content: t(locale, key, { modelId }) });
}

export const modelsCommand: BotCommand = {
  data,
  async execute(interaction, ctx, locale) {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const sub = interaction.options.getSubcommand(true);
    if (sub === 'list') return list(interaction, ctx, locale);
    const modelId = interaction.options.getString('model', true).trim();
    if (sub === 'export') return exportModel(interaction, ctx, locale, modelId);
    return deleteModel(interaction, ctx, locale, modelId);
  },
};
