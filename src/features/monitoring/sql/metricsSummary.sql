-- The same serving metrics as metricsSeries.sql over the whole time range, one row.
-- Parameters: @endpoint, @deployed_model_id ('' = all), @start_ms, @end_ms.
SELECT
  COUNT(*) AS requests,
  COUNTIF(CAST(JSON_VALUE(metadata, '$.status_code') AS INT64) >= 400) AS errors,
  APPROX_QUANTILES(CAST(JSON_VALUE(metadata, '$.request_latency') AS INT64), 100)[OFFSET(50)] AS p50_ms,
  APPROX_QUANTILES(CAST(JSON_VALUE(metadata, '$.request_latency') AS INT64), 100)[OFFSET(95)] AS p95_ms,
  APPROX_QUANTILES(CAST(JSON_VALUE(metadata, '$.request_latency') AS INT64), 100)[OFFSET(99)] AS p99_ms,
  SUM(COALESCE(INT64(JSON_QUERY(full_response, '$.usageMetadata.promptTokenCount')), SAFE_CAST(JSON_VALUE(response_payload[SAFE_OFFSET(0)], '$.usage.prompt_tokens') AS INT64), 0)) AS input_tokens,
  SUM(COALESCE(INT64(JSON_QUERY(full_response, '$.usageMetadata.candidatesTokenCount')), SAFE_CAST(JSON_VALUE(response_payload[SAFE_OFFSET(0)], '$.usage.completion_tokens') AS INT64), 0)) AS output_tokens
FROM `__LOG_TABLE__`
WHERE endpoint = @endpoint
  AND logging_time >= TIMESTAMP_MILLIS(@start_ms)
  AND logging_time < TIMESTAMP_MILLIS(@end_ms)
  AND (@deployed_model_id = '' OR deployed_model_id = @deployed_model_id)
