import { describe, expect, it } from 'vitest';
import { missingTranslations, TEXTS } from '../../src/lessons/index.js';
import { en } from '../../src/locales/en.js';
import { ptBR } from '../../src/locales/pt-BR.js';

describe('lesson translations', () => {
  it('pt-BR has every text en has, of the same kind, and nothing else', () => {
    expect(missingTranslations(TEXTS.en, TEXTS['pt-BR'])).toEqual([]);
  });

  it('catches a deliberately missing, emptied or mistyped text', () => {
    const { story: _dropped, ...backprop } = TEXTS['pt-BR'].backprop;
    const broken = {
      ...TEXTS['pt-BR'],
      backprop,
      neuron: { ...TEXTS['pt-BR'].neuron, hook: '  ' },
      loss: { ...TEXTS['pt-BR'].loss, squared: 'not a template' },
    };
    expect(missingTranslations(TEXTS.en, broken)).toEqual(['neuron.hook', 'loss.squared', 'backprop.story']);
  });

  it('has the lessons.* messages in both locale files', () => {
    const keys = (catalog: object) => Object.keys(catalog).filter((k) => k.startsWith('lessons.')).sort();
    expect(keys(en).length).toBeGreaterThan(0);
    expect(keys(ptBR)).toEqual(keys(en));
  });

  it('the pt-BR prose is Portuguese, not a copy of the English', () => {
    const flat = (value: unknown): string[] =>
      typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(flat) : [];
    const english = new Set(flat(TEXTS.en));
    const portuguese = flat(TEXTS['pt-BR']);
    expect(portuguese.filter((s) => english.has(s))).toEqual([]);
    expect(portuguese.join(' ')).toMatch(/ção|ões|é|á|ã/);
  });
});
