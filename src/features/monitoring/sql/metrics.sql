-- Serving metrics of one endpoint per time bucket, from its Vertex AI request-response
-- log: request volume, errors, latency percentiles and token usage. Latency and HTTP
-- status live in the `metadata` JSON column; tokens in full_response.usageMetadata
-- (generateContent) or the chat-completion `usage` of rawPredict bodies.
-- Buckets are @bucket_seconds long and start at @origin_seconds (0 aligns them to the
-- clock); one bucket that spans the whole range gives the range's totals.
-- Parameters: @endpoint, @deployed_model_id ('' = all), @start_ms, @end_ms, @bucket_seconds, @origin_seconds.
SELECT
  TIMESTAMP_SECONDS(@origin_seconds + DIV(UNIX_SECONDS(logging_time) - @origin_seconds, @bucket_seconds) * @bucket_seconds) AS bucket_start,
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
GROUP BY bucket_start
ORDER BY bucket_start
