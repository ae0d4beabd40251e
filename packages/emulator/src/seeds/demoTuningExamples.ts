// genai_demo_data.tuning_examples: ten hand-written examples with what real tuning
// tables have: an optional system instruction (NULL, empty or set), two rows with no
// answer (one NULL, one empty: an export skips both), and nested values (tags,
// a source record) for the row preview.
import type { FieldSchema } from '../sql/sqlTypes';

export const TUNING_EXAMPLES_SCHEMA: FieldSchema[] = [
  { name: 'example_id', type: 'STRING', mode: 'REQUIRED' },
  { name: 'system_instruction', type: 'STRING', mode: 'NULLABLE' },
  { name: 'question', type: 'STRING', mode: 'NULLABLE' },
  { name: 'answer', type: 'STRING', mode: 'NULLABLE' },
  { name: 'tags', type: 'STRING', mode: 'REPEATED' },
  {
    name: 'source',
    type: 'RECORD',
    mode: 'NULLABLE',
    fields: [
      { name: 'name', type: 'STRING', mode: 'NULLABLE' },
      { name: 'reviewed', type: 'BOOLEAN', mode: 'NULLABLE' },
    ],
  },
];

const SUPPORT = 'You are the support assistant of Northwind Outfitters. Answer briefly and kindly.';

const row = (n: number, system: string | null, question: string | null, answer: string | null, tags: string[], source: string, reviewed: boolean) => ({
  example_id: `ex-${String(n).padStart(2, '0')}`,
  system_instruction: system,
  question,
  answer,
  tags,
  source: { name: source, reviewed },
});

export const TUNING_EXAMPLES = [
  row(1, SUPPORT, 'Do you ship to Norway?', 'Yes, we ship to Norway in 3 to 5 business days; duties are included in the price.', ['shipping'], 'faq', true),
  row(2, SUPPORT, 'How long does a refund take?', 'Refunds reach your card within 5 business days of the return arriving at our warehouse.', ['returns', 'billing'], 'faq', true),
  row(3, null, 'What is your warranty on boots?', 'Our boots carry a two-year warranty against manufacturing defects.', ['products'], 'agent-notes', true),
  row(4, '', 'Can I pick up an order in store?', 'Yes: choose Click and collect at checkout and bring the confirmation email.', ['orders'], 'agent-notes', false),
  row(5, SUPPORT, 'Are the tents waterproof?', 'All our tents have a 3000 mm hydrostatic head and taped seams.', ['products'], 'catalog', true),
  row(6, SUPPORT, 'Can I change my password?', null, ['account'], 'drafts', false),
  row(7, SUPPORT, 'Do you offer gift cards?', '', ['billing'], 'drafts', false),
  row(8, null, 'How do I wash a down jacket?', 'Wash it cold on a gentle cycle with down detergent, then tumble dry low with two clean tennis balls.', ['products', 'care'], 'catalog', true),
  row(9, SUPPORT, 'Is there a student discount?', 'Students get 10% off with a verified student email under Account > Discounts.', [], 'faq', true),
  row(10, SUPPORT, 'Where is my parcel?', 'Open Orders and choose Track parcel; the link shows the carrier and the delivery window.', ['orders', 'shipping'], 'faq', true),
];
