const APOSTROPHES = /[\u2018\u2019\u02bc\u00b4`]/g;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

/** NFKC (full-width to half-width, compatibility forms), lower case, one kind of apostrophe, no invisible characters. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').replace(APOSTROPHES, "'").toLowerCase();
}

const HAN = /\p{Script=Han}/u;
const HAN_GLOBAL = /\p{Script=Han}/gu;
const LATIN_GLOBAL = /\p{Script=Latin}/gu;

/** True for a UTF-16 code unit that is a Han character by itself (surrogates are not); no string is made for the common blocks. */
export function isHanCode(code: number): boolean {
  if (code < 0x2e80) return false;
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)) return true;
  return HAN.test(String.fromCharCode(code));
}

/** True for a Han character; the common CJK blocks are checked by code point before the slower regex. */
export function isHan(char: string): boolean {
  const code = char.charCodeAt(0);
  if (code < 0x2e80) return false;
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)) return true;
  return HAN.test(char);
}

/** The language a text is mostly written in: any Han character weighs like a Latin word. */
export function detectLanguage(text: string): 'zh-CN' | 'en' | null {
  const han = text.match(HAN_GLOBAL)?.length ?? 0;
  const latin = text.match(LATIN_GLOBAL)?.length ?? 0;
  if (han === 0 && latin === 0) return null;
  // One Han character carries about as much as four Latin letters.
  return han * 4 >= latin ? 'zh-CN' : 'en';
}
