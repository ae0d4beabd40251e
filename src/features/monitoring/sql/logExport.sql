-- The filtered log for export (CSV or JSONL), oldest first, every column the browser shows
-- plus the payloads. Same parameters and filter as logList.sql.
SELECT
  CAST(request_id AS STRING) AS request_id,
  logging_time,
  deployed_model_id,
  api_method,
  CAST(JSON_VALUE(metadata, '$.status_code') AS INT64) AS status_code,
  CAST(JSON_VALUE(metadata, '$.request_latency') AS INT64) AS latency_ms,
  request_payload,
  response_payload,
  full_request,
  full_response
FROM `__LOG_TABLE__`
WHERE endpoint = @endpoint
  AND logging_time >= TIMESTAMP_MILLIS(@start_ms)
  AND logging_time < TIMESTAMP_MILLIS(@end_ms)
  AND (@deployed_model_id = '' OR deployed_model_id = @deployed_model_id)
  AND (@status = 'all' OR (@status = 'error') = (CAST(JSON_VALUE(metadata, '$.status_code') AS INT64) >= 400))
ORDER BY logging_time, request_id
