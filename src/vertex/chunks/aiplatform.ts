// Lazy chunk: the Vertex AI v1 clients the extension uses, imported per client
// file (the package root would pull every v1beta1 client and a 16 MB protos.js).
export { DatasetServiceClient } from '@google-cloud/aiplatform/build/src/v1/dataset_service_client';
export { EndpointServiceClient } from '@google-cloud/aiplatform/build/src/v1/endpoint_service_client';
export { GenAiTuningServiceClient } from '@google-cloud/aiplatform/build/src/v1/gen_ai_tuning_service_client';
export { JobServiceClient } from '@google-cloud/aiplatform/build/src/v1/job_service_client';
export { ModelServiceClient } from '@google-cloud/aiplatform/build/src/v1/model_service_client';
export { TensorboardServiceClient } from '@google-cloud/aiplatform/build/src/v1/tensorboard_service_client';
export { PredictionServiceClient } from '@google-cloud/aiplatform/build/src/v1/prediction_service_client';
export { GoogleAuth, OAuth2Client } from 'google-auth-library';
// v1beta1: Model Monitoring v2 (model monitors, monitoring jobs, stats and alerts) is only there.
export { ModelMonitoringServiceClient } from '@google-cloud/aiplatform/build/src/v1beta1/model_monitoring_service_client';
export { Impersonated } from 'google-auth-library';
// The proxy agent gaxios itself uses for HTTPS_PROXY; here for VS Code's `http.proxy`.
export { HttpsProxyAgent } from 'https-proxy-agent';
