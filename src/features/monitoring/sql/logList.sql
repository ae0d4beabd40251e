-- The prediction-log browser's list: one light row per logged request (no payloads),
-- newest first; the extension pages through the job's results.
-- Parameters: @endpoint, @deployed_model_id ('' = all), @start_ms, @end_ms,
-- @status ('all', 'ok' for status < 400, 'error' for status >= 400).
SELECT
  CAST(request_id AS STRING) AS request_id,
  logging_time,
  deployed_model_id,
  api_method,
  CAST(JSON_VALUE(metadata, '$.status_code') AS INT64) AS status_code,
  CAST(JSON_VALUE(metadata, '$.request_latency') AS INT64) AS latency_ms
FROM `__LOG_TABLE__`
WHERE endpoint = @endpoint
  AND logging_time >= TIMESTAMP_MILLIS(@start_ms)
  AND logging_time < TIMESTAMP_MILLIS(@end_ms)
  AND (@deployed_model_id = '' OR deployed_model_id = @deployed_model_id)
  AND (@status = 'all' OR (@status = 'error') = (CAST(JSON_VALUE(metadata, '$.status_code') AS INT64) >= 400))
ORDER BY logging_time DESC, request_id
