/**
 * Names and descriptions of slash commands and their options in both languages. Discord shows a
 * user the pt-BR name and description when their client is in Portuguese; the English ones are
 * the defaults.
 */
export interface Text {
  name: string;
  description: string;
}
export type Localized = { en: Text; 'pt-BR': Text };

interface Describable {
  setName(name: string): this;
  setNameLocalizations(localizations: Record<string, string>): this;
  setDescription(description: string): this;
  setDescriptionLocalizations(localizations: Record<string, string>): this;
}

/**
 * Applies both languages to a command or option builder.
 * @example localize(new SlashCommandBuilder(), { en: { name: 'train', description: '...' }, 'pt-BR': { name: 'treinar', description: '...' } })
 */
export function localize<B extends Describable>(builder: B, text: Localized): B {
  return builder
    .setName(text.en.name)
    .setNameLocalizations({ 'pt-BR': text['pt-BR'].name })
    .setDescription(text.en.description)
    .setDescriptionLocalizations({ 'pt-BR': text['pt-BR'].description });
}

/** A choice with its pt-BR name. */
export function choice(value: string, en: string, pt: string) {
  return { name: en, value, name_localizations: { 'pt-BR': pt } };
}
