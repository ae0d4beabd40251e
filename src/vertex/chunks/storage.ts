// Lazy chunk: the Cloud Storage client, loaded only when a gs:// listing or upload is needed.
export { Storage } from '@google-cloud/storage';
