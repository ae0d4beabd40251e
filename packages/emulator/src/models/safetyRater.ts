// Safety ratings for generated text, as Gemini attaches them to each candidate: per harm
// category, a probability bucket and score and a severity. The emulator rates with a
// small lexicon per category (the share of the answer's words that hit it), so fables
// about wolves devouring lambs rate LOW for dangerous content, and tame text NEGLIGIBLE.
import { tokenize } from './tokenizer';

const LEXICON: Record<string, readonly string[]> = {
  HARM_CATEGORY_HATE_SPEECH: ['hate', 'hated', 'hateful', 'despise', 'despised', 'scorn', 'contempt', 'vile', 'wretch'],
  HARM_CATEGORY_DANGEROUS_CONTENT: ['kill', 'killed', 'devour', 'devoured', 'poison', 'weapon', 'sword', 'blood', 'death', 'dead', 'slay', 'slain', 'script', 'onerror'],
  HARM_CATEGORY_HARASSMENT: ['fool', 'foolish', 'stupid', 'ugly', 'mock', 'mocked', 'insult', 'jeer', 'taunt'],
  HARM_CATEGORY_SEXUALLY_EXPLICIT: ['naked', 'lust', 'seduce'],
};
const BUCKETS = [
  { below: 0.01, probability: 'NEGLIGIBLE', severity: 'HARM_SEVERITY_NEGLIGIBLE' },
  { below: 0.04, probability: 'LOW', severity: 'HARM_SEVERITY_LOW' },
  { below: 0.1, probability: 'MEDIUM', severity: 'HARM_SEVERITY_MEDIUM' },
  { below: Infinity, probability: 'HIGH', severity: 'HARM_SEVERITY_HIGH' },
];

export interface SafetyRating {
  category: string;
  probability: string;
  probabilityScore: number;
  severity: string;
  severityScore: number;
}

export function rateSafety(text: string): SafetyRating[] {
  const words = tokenize(text.toLowerCase()).filter((t) => /\p{L}/u.test(t));
  return Object.entries(LEXICON).map(([category, lexicon]) => {
    const hits = words.filter((w) => lexicon.includes(w)).length;
    const share = words.length ? hits / words.length : 0;
    const bucket = BUCKETS.find((b) => share < b.below)!;
    // Scores in [0, 1]: the share, stretched so HIGH starts near 0.5.
    const score = Math.min(1, Math.round(share * 5 * 1e4) / 1e4);
    return { category, probability: bucket.probability, probabilityScore: score, severity: bucket.severity, severityScore: score };
  });
}
