-- Numeric drift metrics of a generative endpoint from its request-response log
-- (Vertex AI logging schema: full_request / full_response JSON), aggregated in BigQuery:
-- per metric, bucket edges at the baseline window's deciles (APPROX_QUANTILES), then
-- counts per bucket (RANGE_BUCKET) in the baseline window and each day of the current one. The host only
-- turns these counts into a Jensen-Shannon divergence (src/drift/featureDrift.ts).
-- {{table}} is a validated `project.dataset.table`; everything else is a parameter.
WITH requests AS (
  SELECT
    -- The current window per day (UTC), so drift reads as a series over time.
    IF(logging_time >= @current_start, CAST(DATE(logging_time) AS STRING), 'baseline') AS window_name,
    JSON_VALUE(full_request, '$.contents[0].parts[0].text') AS prompt,
    JSON_VALUE(full_response, '$.candidates[0].content.parts[0].text') AS response,
    JSON_VALUE(full_response, '$.usageMetadata.promptTokenCount') AS prompt_tokens,
    JSON_VALUE(full_response, '$.usageMetadata.candidatesTokenCount') AS response_tokens
  FROM {{table}}
  WHERE ENDS_WITH(endpoint, CONCAT('/endpoints/', @endpoint_id))
    AND ((logging_time >= @baseline_start AND logging_time < @baseline_end)
      OR (logging_time >= @current_start AND logging_time < @current_end))
),
metrics AS (
  SELECT window_name, 'prompt_length' AS metric, CAST(LENGTH(prompt) AS FLOAT64) AS value FROM requests
  UNION ALL
  SELECT window_name, 'response_length' AS metric, CAST(LENGTH(response) AS FLOAT64) AS value FROM requests
  UNION ALL
  SELECT window_name, 'prompt_tokens' AS metric, CAST(prompt_tokens AS FLOAT64) AS value FROM requests
  UNION ALL
  SELECT window_name, 'response_tokens' AS metric, CAST(response_tokens AS FLOAT64) AS value FROM requests
),
edges AS (
  SELECT metric, APPROX_QUANTILES(value, 10) AS boundaries
  FROM metrics
  WHERE window_name = 'baseline' AND value IS NOT NULL
  GROUP BY metric
)
SELECT
  m.metric AS metric,
  m.window_name AS window_name,
  RANGE_BUCKET(m.value, e.boundaries) AS bucket,
  COUNT(*) AS n,
  ANY_VALUE(e.boundaries) AS boundaries
FROM metrics AS m
JOIN edges AS e ON e.metric = m.metric
WHERE m.value IS NOT NULL
GROUP BY m.metric, m.window_name, bucket
ORDER BY metric, window_name, bucket
