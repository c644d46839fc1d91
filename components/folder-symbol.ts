/*
 * Cliq stores a folder's symbol as an emoji or as a zomoji code such as `:razz:` (the API's own example).
 * Codes we know are shown as the emoji they stand for; anything else as a neutral folder, never as raw text.
 */

export const NEUTRAL_FOLDER = '📁';

/** Zomoji and common emoji short codes; the names are Cliq's and Slack's/GitHub's, which agree for these. */
const SHORT_CODES: Record<string, string> = {
  razz: '😛',
  smile: '😄',
  smiley: '😃',
  grin: '😁',
  laughing: '😆',
  joy: '😂',
  wink: '😉',
  blush: '😊',
  cool: '😎',
  sunglasses: '😎',
  thinking: '🤔',
  love: '😍',
  heart_eyes: '😍',
  sad: '😢',
  cry: '😢',
  angry: '😠',
  heart: '❤️',
  thumbsup: '👍',
  '+1': '👍',
  clap: '👏',
  pray: '🙏',
  wave: '👋',
  eyes: '👀',
  fire: '🔥',
  star: '⭐',
  sparkles: '✨',
  zap: '⚡',
  rocket: '🚀',
  tada: '🎉',
  trophy: '🏆',
  dart: '🎯',
  bulb: '💡',
  bell: '🔔',
  pushpin: '📌',
  pin: '📌',
  folder: '📁',
  file_folder: '📁',
  memo: '📝',
  book: '📖',
  books: '📚',
  calendar: '📅',
  briefcase: '💼',
  chart: '📈',
  moneybag: '💰',
  lock: '🔒',
  key: '🔑',
  gear: '⚙️',
  wrench: '🔧',
  hammer: '🔨',
  bug: '🐛',
  coffee: '☕',
  house: '🏠',
  globe: '🌐',
  warning: '⚠️',
  check: '✅',
  white_check_mark: '✅',
  x: '❌',
  hourglass: '⌛',
  speech_balloon: '💬',
  loudspeaker: '📢',
  mega: '📣',
  people: '👥',
};

const SHORT_CODE = /^:([\w+-]+):$/;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;

/** What to show for a folder's symbol: its emoji, or the neutral folder when it has none we can show. */
export function folderGlyph(symbol: string | undefined): string {
  const value = symbol?.trim() ?? '';
  const code = SHORT_CODE.exec(value)?.[1];
  if (code !== undefined) return SHORT_CODES[code.toLowerCase()] ?? NEUTRAL_FOLDER;
  return PICTOGRAPH.test(value) ? value : NEUTRAL_FOLDER;
}
