-- The latest requests an endpoint logged, for the Explainability panel to explain one:
-- predict rows keep one JSON instance per request_payload element, generateContent rows
-- the whole request in full_request. {{table}} is a validated `project.dataset.table`.
SELECT
  logging_time,
  request_payload[SAFE_OFFSET(0)] AS instance,
  JSON_VALUE(full_request, '$.contents[0].parts[0].text') AS prompt
FROM {{table}}
WHERE ENDS_WITH(endpoint, CONCAT('/endpoints/', @endpoint_id))
  AND api_method IN ('predict', 'explain', 'generateContent', 'streamGenerateContent')
ORDER BY logging_time DESC
LIMIT 20
