// Codes as an agent reads them: language tags, territories, titles, uses and purposes in words.
// No DOM here (node tests run it); Intl gives the names of languages and countries.

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

export const WORLDWIDE = 'WORLDWIDE';

/** What a grant may permit, as the API names it and in words. */
export const USES = [
  { value: 'VOICE_SYNTHESIS', label: 'Synthesize the performer’s voice' },
  { value: 'LIP_SYNC', label: 'Alter the on-screen performance (lip-sync)' },
];

/** TEMP material stays internal; FINAL may be delivered, and every FINAL use also needs an admin’s written approval. */
export const PURPOSES = [
  { value: 'TEMP', label: 'Temporary: internal review material, never delivered' },
  { value: 'FINAL', label: 'Final: may be delivered (each job also needs an admin’s written approval)' },
];

/** Common dubbing languages offered as suggestions; any BCP 47 tag may be typed. */
export const COMMON_LANGUAGES = ['en', 'en-US', 'en-GB', 'es', 'es-ES', 'es-419', 'fr', 'fr-FR', 'fr-CA', 'de', 'it',
  'pt', 'pt-BR', 'pt-PT', 'nl', 'pl', 'sv', 'da', 'nb', 'fi', 'cs', 'hu', 'ro', 'tr', 'el', 'ru', 'uk', 'ar', 'he',
  'hi', 'ja', 'ko', 'zh-Hans', 'zh-Hant', 'th', 'id', 'vi'];

/** Common territories offered as suggestions; any ISO 3166-1 alpha-2 code may be typed. */
export const COMMON_TERRITORIES = [WORLDWIDE, 'US', 'CA', 'MX', 'BR', 'AR', 'GB', 'IE', 'ES', 'PT', 'FR', 'BE', 'NL',
  'DE', 'AT', 'CH', 'IT', 'PL', 'SE', 'NO', 'DK', 'FI', 'CZ', 'HU', 'RO', 'TR', 'GR', 'IN', 'JP', 'KR', 'CN', 'TW',
  'AU', 'NZ', 'ZA'];

function safely(names, code) {
  try {
    return names.of(code);
  } catch {
    return undefined;
  }
}

/** "es-419 (Latin American Spanish)", or the tag alone when Intl does not know it. */
export function languageLabel(tag) {
  const name = safely(languageNames, tag);
  return name && name.toLowerCase() !== tag.toLowerCase() ? `${tag} (${name})` : tag;
}

/** "ES (Spain)", "WORLDWIDE (every territory)". */
export function territoryLabel(code) {
  if (code === WORLDWIDE) return `${WORLDWIDE} (every territory)`;
  const name = safely(regionNames, code);
  return name ? `${code} (${name})` : code;
}

/** "NORTHWIND-S01E03 (Northwind, ep. 3)" from the catalog's names by code. */
export function titleLabel(code, titleNames = new Map()) {
  const name = titleNames.get(code);
  return name ? `${code} (${name})` : code;
}

const USE_WORDS = new Map([['VOICE_SYNTHESIS', 'Voice synthesis'], ['LIP_SYNC', 'Lip-sync']]);
const PURPOSE_WORDS = new Map([['TEMP', 'Temporary'], ['FINAL', 'Final']]);

export const useLabel = (use) => USE_WORDS.get(use) ?? use;
export const purposeLabel = (purpose) => PURPOSE_WORDS.get(purpose) ?? purpose;

/** A grant's standing now, as the API computes it, in words with a tone (the words carry it, not the colour). */
const STANDINGS = {
  ACTIVE: { label: 'Active', tone: 'ok' },
  NOT_YET_VALID: { label: 'Not yet valid', tone: 'warn' },
  EXPIRED: { label: 'Expired', tone: 'warn' },
  REVOKED: { label: 'Revoked', tone: 'bad' },
};

export const standing = (code) => STANDINGS[code] ?? { label: code ?? 'Unknown', tone: '' };

/** Catalog titles as a Map code → name. */
export const titleNamesOf = (titles) => new Map((titles ?? []).map((t) => [t.code, t.name]));
