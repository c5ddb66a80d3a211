/**
 * Folds Vietnamese text for search: drops diacritics (đ → d), lower-cases and collapses spaces,
 * so "nguyen van an" matches "Nguyễn Văn An".
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

// "oa", "oe" and "uy" ending a syllable carry the tone on their first vowel in the official names
// ("Khánh Hòa", "Thanh Hóa", "Thủy"); the newer style puts it on the second ("Hoà", "Thuỷ").
// "qu" is a consonant, so "quý" keeps its tone on the y; with a final letter ("hoàng") both agree.
const TONED_A_E = 'àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ';
const TONED_Y = 'ỳýỷỹỵỲÝỶỸỴ';
const TONE_ON_SECOND = new RegExp(`([oO])([${TONED_A_E}])(?!\\p{L})|(?<![qQ])([uU])([${TONED_Y}])(?!\\p{L})`, 'gu');

/**
 * Puts tones on "oa", "oe", "uy" at the end of a syllable the way the official names do, so one
 * place is never written two ways on one screen ("Ninh Hoà" beside "Khánh Hòa"). Applied to names
 * as they are written, whatever their source.
 */
export function normalizeTonePlacement(text: string): string {
  return text.normalize('NFC').replace(TONE_ON_SECOND, (_match, o?: string, a?: string, u?: string, y?: string) => {
    const [first, toned] = o !== undefined ? [o, a!] : [u!, y!];
    const [base, ...tone] = toned.normalize('NFD');
    return `${(first + tone.join('')).normalize('NFC')}${base}`;
  });
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Vietnamese collation, for sorting names the way a Vietnamese reader expects. */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}

/** Orders by stored sort keys (vietnameseSortKey): Vietnamese order without a collator. */
export function compareSortKeys(a: { sortKey: string }, b: { sortKey: string }): number {
  return a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0;
}

/** Vietnamese personal names sort by given name (the last word), then by the whole name. */
export function compareVietnameseNames(a: string, b: string): number {
  const givenA = a.trim().split(/\s+/).at(-1) ?? '';
  const givenB = b.trim().split(/\s+/).at(-1) ?? '';
  return collator.compare(givenA, givenB) || collator.compare(a, b);
}

// Vietnamese alphabet order (with f, j, w, z for foreign words); digits sort before letters.
const LETTERS = [
  'a',
  'ă',
  'â',
  'b',
  'c',
  'd',
  'đ',
  'e',
  'ê',
  'f',
  'g',
  'h',
  'i',
  'j',
  'k',
  'l',
  'm',
  'n',
  'o',
  'ô',
  'ơ',
  'p',
  'q',
  'r',
  's',
  't',
  'u',
  'ư',
  'v',
  'w',
  'x',
  'y',
  'z',
];
const LETTER_RANK = new Map(LETTERS.map((letter, index) => [letter, 10 + index]));
// Dictionary order of tones: ngang, huyền, hỏi, ngã, sắc, nặng.
const TONE_RANK: Record<string, number> = { '\u0300': 1, '\u0309': 2, '\u0303': 3, '\u0301': 4, '\u0323': 5 };
const LETTER_MARKS: Record<string, string> = { '\u0306': 'breve', '\u0302': 'circumflex', '\u031b': 'horn' };

function baseLetter(base: string, marks: string[]): string {
  if (base === 'a' && marks.includes('breve')) return 'ă';
  if (base === 'a' && marks.includes('circumflex')) return 'â';
  if (base === 'e' && marks.includes('circumflex')) return 'ê';
  if (base === 'o' && marks.includes('circumflex')) return 'ô';
  if (base === 'o' && marks.includes('horn')) return 'ơ';
  if (base === 'u' && marks.includes('horn')) return 'ư';
  return base;
}

/**
 * A key whose plain byte order ("C" collation) is Vietnamese dictionary order: letters by the
 * Vietnamese alphabet (a ă â … đ … ơ … ư), then tones. Lets the database sort names correctly
 * without ICU collations, which the embedded database does not have.
 */
export function vietnameseSortKey(text: string): string {
  let primary = '';
  let tones = '';
  // Both tone placements of a name sort as one.
  for (const char of normalizeTonePlacement(text).toLowerCase().trim()) {
    const decomposed = char.normalize('NFD');
    const base = decomposed[0] ?? '';
    const marks = [...decomposed.slice(1)];
    if (/\s/.test(base)) {
      primary += ' ';
      continue;
    }
    const letter = baseLetter(
      base,
      marks.map((mark) => LETTER_MARKS[mark] ?? ''),
    );
    const rank = /\d/.test(letter) ? Number(letter) : LETTER_RANK.get(letter);
    if (rank === undefined) continue;
    primary += String.fromCharCode(48 + rank);
    tones += String(marks.reduce((tone, mark) => TONE_RANK[mark] ?? tone, 0));
  }
  return `${primary.replace(/ +/g, ' ')}!${tones}`;
}

/** Sort key of a person's name: given name first, as Vietnamese lists are ordered. */
export function personNameSortKey(fullName: string): string {
  const given = fullName.trim().split(/\s+/).at(-1) ?? '';
  return `${vietnameseSortKey(given)} ${vietnameseSortKey(fullName)}`;
}
