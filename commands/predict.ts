import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { explainPrediction } from '../src/data/index.js';
import { choice, localize } from '../src/bot/localize.js';
import { predictionMessage } from '../src/bot/predict-message.js';
import { choosePredictModel } from '../src/bot/predict-model.js';
import { STROKE_FIELDS, strokeRecord, type OptionValue } from '../src/bot/stroke-input.js';
import type { BotCommand } from '../src/bot/types.js';

/**
 * /predict [model] [age] [gender] ... -> stroke probability, risk band, the inputs that pushed it
 * most, and the disclaimer. Private: the inputs may be someone's real health data.
 */

const builder = localize(new SlashCommandBuilder(), {
  en: { name: 'predict', description: 'Stroke risk from a trained model, and which inputs mattered (educational, not medical advice)' },
  'pt-BR': { name: 'prever', description: 'Risco de AVC segundo um modelo treinado, e o que mais pesou (educativo, não é conselho médico)' },
});
builder.addStringOption((o) =>
  localize(o, {
    en: { name: 'model', description: "A model id (see /models); default: this server's latest stroke model" },
    'pt-BR': { name: 'modelo', description: 'O id de um modelo (veja /modelos); padrão: o modelo de AVC mais recente do servidor' },
  }).setMaxLength(64),
);
for (const field of STROKE_FIELDS) {
  const text = { en: { name: field.name.en, description: field.description.en }, 'pt-BR': { name: field.name['pt-BR'], description: field.description['pt-BR'] } };
  if (field.type === 'number') builder.addNumberOption((o) => localize(o, text).setMinValue(field.min).setMaxValue(field.max));
  else if (field.type === 'boolean') builder.addBooleanOption((o) => localize(o, text));
  else builder.addStringOption((o) => localize(o, text).addChoices(...field.choices.map((c) => choice(c.value, c.label.en, c.label['pt-BR']))));
}

export const predictCommand: BotCommand = {
  data: builder,
  async execute(interaction, ctx, locale) {
    const options: Record<string, OptionValue> = {};
    for (const field of STROKE_FIELDS) options[field.option] = interaction.options.get(field.option)?.value;
    const record = strokeRecord(options);
    // The first use trains the bundled model (under a second), and the store is on Redis: defer first.
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const viewer = { userId: interaction.user.id, ...(interaction.guildId ? { guildId: interaction.guildId } : {}) };
    const model = await choosePredictModel(ctx.store, interaction.options.getString('model'), viewer);
    const explanation = explainPrediction(model.network, model.preprocessing, record, { threshold: model.threshold });
    const content = predictionMessage({ explanation, source: model.source, auc: model.auc, recall: model.recall, synthetic: model.synthetic, locale });
    await interaction.editReply({ content, allowedMentions: { parse: [] } });
  },
};
