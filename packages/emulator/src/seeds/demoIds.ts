// Fixed names of the demo seed, for tests and UI tests: Vertex-style 19-digit ids.
export const DEMO_PROJECT = { projectId: 'genai-demo', projectNumber: '123456789012', displayName: 'GenAI Demo' };
/** A second, empty project: the picker has a choice and empty trees can be seen. */
export const SANDBOX_PROJECT = { projectId: 'genai-sandbox', projectNumber: '210987654321', displayName: 'GenAI Sandbox' };

export const US = `projects/${DEMO_PROJECT.projectNumber}/locations/us-central1`;
export const EU = `projects/${DEMO_PROJECT.projectNumber}/locations/europe-west4`;

export const DEMO_IDS = {
  datasets: {
    supportChat: '6893451270048645120',
    productPhotos: '2245068129981513728',
    churnFeatures: '4511283076522180608',
    catalogMultimodal: '8802390145378762752',
    euSupportChat: '3377012948860305408',
  },
  models: {
    supportBot: '3612058847013568512',
    churnClassifier: '8124967205531459584',
    gemmaLora: '6240971185376100352',
    euSupportBot: '9023418876512067584',
  },
  endpoints: {
    supportBotProd: '7091345228176113664',
    churnScoring: '2716485038124285952',
    gemmaLoraGpu: '5830217749210759168',
    stagingSandbox: '1198406733216432128',
    euSupportBot: '4457720093112115200',
  },
  deployedModels: {
    supportBotV2: '1874395025071980544',
    supportBotV3: '6485983463127433216',
    churnV1: '3310027519381798912',
    churnV2: '4920711582470258688',
    gemmaV1: '8367410295125524480',
    euSupportBotV1: '2603318840417206272',
  },
  tuningJobs: {
    supportBotV3Running: '1530426781950099456',
    faqTunerPending: '2894106612237836288',
    supportBotV2Succeeded: '7312094681155002368',
    supportBotV1Succeeded: '6685029931548983296',
    summarizerFailed: '4026617389210554368',
    classifierCancelled: '5569914257743110144',
    euSupportBotSucceeded: '8149375520917782528',
  },
  customJobs: {
    llamaLoraGpu: '3904178265119293440',
    gemmaPeftTpu: '2081736609954431744',
  },
  hyperparameterTuningJobs: {
    loraSweepT4: '7745102938561024000',
  },
} as const;
