import type { Locale } from '../locales/index.js';

/**
 * The one way lessons write a number, so a test can recompute an engine value, format it the same
 * way and find it in the text. pt-BR writes decimal commas ("0,731"), en decimal points ("0.731").
 * Values that round to zero print without a minus sign ("0.000", never "-0.000").
 * @example formatNumber(0.7311, 'pt-BR') // "0,731"
 * @example formatNumber(5110, 'en', 0) // "5,110"
 */
export function formatNumber(value: number, locale: Locale, fractionDigits = 3): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '-∞';
  const rounded = Math.abs(value) < 0.5 * 10 ** -fractionDigits ? 0 : value;
  return rounded.toLocaleString(locale, { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits });
}

/**
 * A share as a percentage, through {@link formatNumber}.
 * @example formatPercent(0.9512, 'pt-BR') // "95,1%"
 */
export function formatPercent(share: number, locale: Locale, fractionDigits = 1): string {
  return `${formatNumber(share * 100, locale, fractionDigits)}%`;
}

/** Separates numbers in a list: "; " where the decimal mark is a comma, ", " otherwise. */
export function listSeparator(locale: Locale): string {
  return formatNumber(0.5, locale, 1).includes(',') ? '; ' : ', ';
}

/** A whole number ("5.110" in pt-BR, "5,110" in en). */
export function formatCount(count: number, locale: Locale): string {
  return formatNumber(count, locale, 0);
}

/**
 * A setting someone typed (a learning rate, an L2 strength) with just the digits it has, through
 * {@link formatNumber}.
 * @example formatSetting(0.003, 'pt-BR') // "0,003"
 */
export function formatSetting(value: number, locale: Locale): string {
  let digits = 0;
  while (digits < 6 && Math.abs(Math.round(value * 10 ** digits) / 10 ** digits - value) > 1e-12) digits++;
  return formatNumber(value, locale, digits);
}
