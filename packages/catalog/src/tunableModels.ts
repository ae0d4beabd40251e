// Gemini base models that take supervised tuning, with the adapter sizes (LoRA ranks)
// and limits Vertex documents for them. Pure data: the emulator enforces it and the
// extension offers it before anything is sent.

export type AdapterSize = 'ADAPTER_SIZE_ONE' | 'ADAPTER_SIZE_TWO' | 'ADAPTER_SIZE_FOUR' | 'ADAPTER_SIZE_EIGHT' | 'ADAPTER_SIZE_SIXTEEN' | 'ADAPTER_SIZE_THIRTY_TWO';

export const ADAPTER_RANK: Record<AdapterSize, number> = {
  ADAPTER_SIZE_ONE: 1,
  ADAPTER_SIZE_TWO: 2,
  ADAPTER_SIZE_FOUR: 4,
  ADAPTER_SIZE_EIGHT: 8,
  ADAPTER_SIZE_SIXTEEN: 16,
  ADAPTER_SIZE_THIRTY_TWO: 32,
};

/** Adapter sizes each tunable base model takes. */
export const ADAPTER_SIZES: Readonly<Record<string, readonly AdapterSize[]>> = {
  'gemini-2.0-flash-001': ['ADAPTER_SIZE_ONE', 'ADAPTER_SIZE_TWO', 'ADAPTER_SIZE_FOUR', 'ADAPTER_SIZE_EIGHT'],
  'gemini-2.0-flash-lite-001': ['ADAPTER_SIZE_ONE', 'ADAPTER_SIZE_TWO', 'ADAPTER_SIZE_FOUR', 'ADAPTER_SIZE_EIGHT'],
  'gemini-1.5-pro-002': ['ADAPTER_SIZE_ONE', 'ADAPTER_SIZE_FOUR'],
  'gemini-1.5-flash-002': ['ADAPTER_SIZE_ONE', 'ADAPTER_SIZE_FOUR', 'ADAPTER_SIZE_EIGHT', 'ADAPTER_SIZE_SIXTEEN'],
};

export const MAX_EPOCHS = 100;
export const MAX_LEARNING_RATE_MULTIPLIER = 10;
