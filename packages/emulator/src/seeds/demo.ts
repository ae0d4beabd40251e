// The "demo" seed: project genai-demo (number 123456789012) with resources in
// us-central1 and europe-west4 covering every state the UI shows. Ids are fixed
// (Vertex-style 19-digit numbers) so tests and screenshots can name them.
import { seedDemoJobs } from './demoJobs';
import { seedDemoModels } from './demoModels';
import { seedDemoMonitoring } from './demoMonitoring';
import { seedDemoTensorboard } from './demoTensorboard';
import { seedDemoBigQuery } from './demoBigQuery';
import { seedDemoStorage } from './demoStorage';
import { DEMO_IDS, DEMO_PROJECT, EU, SANDBOX_PROJECT, US } from './demoIds';
import type { SeedWriter } from './seedWriter';

const SCHEMA = 'gs://google-cloud-aiplatform/schema/dataset/metadata';

export function seedDemo(w: SeedWriter): void {
  w.project(DEMO_PROJECT);
  w.project(SANDBOX_PROJECT);
  seedDatasets(w);
  seedDemoModels(w);
  seedDemoJobs(w);
  seedDemoTensorboard(w);
  seedDemoMonitoring(w);
  w.linkDeployments();
  seedDemoStorage(w);
  seedDemoBigQuery(w);
}

function seedDatasets(w: SeedWriter): void {
  const d = DEMO_IDS.datasets;
  const dataset = (location: string, id: string, data: Record<string, unknown>) => w.put('Dataset', `${location}/datasets/${id}`, data);
  dataset(US, d.supportChat, {
    displayName: 'support-chat-sft',
    description: 'Customer-support conversations for supervised tuning (JSONL, Gemini chat format).',
    metadataSchemaUri: `${SCHEMA}/text_1.0.0.yaml`,
    metadata: { dataItemSchemaUri: 'gs://google-cloud-aiplatform/schema/dataset/dataitem/text_1.0.0.yaml' },
    dataItemCount: '1240',
    labels: { team: 'support', stage: 'curated' },
    createTime: w.ago(41, 'd'),
    updateTime: w.ago(3, 'd'),
  });
  dataset(US, d.productPhotos, {
    displayName: 'product-photos',
    metadataSchemaUri: `${SCHEMA}/image_1.0.0.yaml`,
    metadata: { dataItemSchemaUri: 'gs://google-cloud-aiplatform/schema/dataset/dataitem/image_1.0.0.yaml' },
    dataItemCount: '8632',
    labels: { team: 'catalog' },
    createTime: w.ago(95, 'd'),
    updateTime: w.ago(20, 'd'),
  });
  dataset(US, d.churnFeatures, {
    displayName: 'churn-features',
    description: 'Customer churn features, daily snapshot.',
    metadataSchemaUri: `${SCHEMA}/tabular_1.0.0.yaml`,
    metadata: { inputConfig: { bigquerySource: { uri: 'bq://genai-demo.churn.features_v2' } } },
    labels: { team: 'growth' },
    createTime: w.ago(180, 'd'),
    updateTime: w.ago(1, 'd'),
  });
  dataset(US, d.catalogMultimodal, {
    displayName: 'catalog-multimodal',
    description: 'Product images with titles and descriptions for multimodal tuning.',
    metadataSchemaUri: `${SCHEMA}/multimodal_1.0.0.yaml`,
    metadata: { inputConfig: { bigquerySource: { uri: 'bq://genai-demo.catalog.products_multimodal' } } },
    labels: { team: 'catalog', stage: 'draft' },
    createTime: w.ago(9, 'd'),
    updateTime: w.ago(9, 'd'),
  });
  dataset(EU, d.euSupportChat, {
    displayName: 'eu-support-chat-sft',
    metadataSchemaUri: `${SCHEMA}/text_1.0.0.yaml`,
    metadata: { dataItemSchemaUri: 'gs://google-cloud-aiplatform/schema/dataset/dataitem/text_1.0.0.yaml' },
    dataItemCount: '512',
    labels: { team: 'support', region: 'eu' },
    createTime: w.ago(60, 'd'),
    updateTime: w.ago(12, 'd'),
  });
}
