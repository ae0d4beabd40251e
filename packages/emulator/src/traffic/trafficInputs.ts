// Inputs for the traffic generator. Shift 0 draws from what the demo models were trained
// on (the fraud table's distribution; the support conversations' prompts); shift 1 moves
// the distribution as far as it goes: tabular amounts and distances grow, the merchant mix
// leans to online and high-risk categories, more night hours; prompts get longer, use other
// words and switch language. Values in between move part-way, so drift grows with shift.
import { generateFraudRows, type FraudFeatures } from '../models/fraudData';
import type { Random } from '../models/rng';
import { SUPPORT_CONVERSATIONS } from '../seeds/demoSupportChat';

const RISKY_CATEGORIES = ['online_retail', 'electronics', 'jewelry', 'travel'];

/** Support questions in other languages: what a shop expanding abroad starts receiving. */
const OTHER_LANGUAGE_PROMPTS = [
  '¿Dónde está mi pedido? Debía llegar ayer y todavía no tengo noticias del transportista.',
  'Quiero devolver unas botas de montaña que me quedan pequeñas, ¿cómo lo hago?',
  'Wo bleibt meine Bestellung? Sie sollte gestern ankommen und die Sendungsverfolgung zeigt nichts.',
  'Ich möchte meine Jacke umtauschen, die Größe passt leider nicht.',
  'Bonjour, ma commande est arrivée abîmée, pouvez-vous m’envoyer un remplacement ?',
  'Je n’arrive pas à me connecter à mon compte depuis la dernière mise à jour.',
  'Il mio ordine è in ritardo di una settimana, potete dirmi cosa succede?',
  'Mijn pakket is beschadigd aangekomen, hoe kan ik het terugsturen?',
];

export function tabularInstance(random: Random, shift: number): FraudFeatures {
  const [row] = generateFraudRows(1, Math.floor(random() * 2 ** 31));
  const { transaction_id: _id, is_fraud: _label, ...features } = row;
  if (random() < shift * 0.7) features.merchant_category = RISKY_CATEGORIES[Math.floor(random() * RISKY_CATEGORIES.length)];
  if (features.merchant_category === 'online_retail') features.card_present = false;
  features.amount = Math.round(features.amount * Math.exp(1.3 * shift) * 100) / 100;
  features.distance_from_home_km = Math.round(features.distance_from_home_km * Math.exp(1.5 * shift) * 10) / 10;
  if (random() < shift * 0.4) features.hour_of_day = Math.floor(random() * 6);
  return features;
}

export function textPrompt(random: Random, shift: number): string {
  const pick = () => {
    const conversation = SUPPORT_CONVERSATIONS[Math.floor(random() * SUPPORT_CONVERSATIONS.length)];
    return conversation.turns[Math.floor(random() * conversation.turns.length)].user;
  };
  const base = random() < shift * 0.6 ? OTHER_LANGUAGE_PROMPTS[Math.floor(random() * OTHER_LANGUAGE_PROMPTS.length)] : pick();
  // Longer prompts: customers paste earlier messages and details along with the question.
  const extra = random() < shift ? 1 + Math.floor(random() * 3) : 0;
  return [base, ...Array.from({ length: extra }, pick)].join(' ');
}
