-- One logged request/response pair, everything Vertex logged for it.
-- Parameters: @endpoint, @request_id (as a string: request_id is NUMERIC).
SELECT
  CAST(request_id AS STRING) AS request_id,
  logging_time,
  endpoint,
  deployed_model_id,
  model,
  model_version,
  api_method,
  request_payload,
  response_payload,
  full_request,
  full_response,
  metadata
FROM `__LOG_TABLE__`
WHERE endpoint = @endpoint
  AND CAST(request_id AS STRING) = @request_id
