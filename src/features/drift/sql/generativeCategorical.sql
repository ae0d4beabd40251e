-- Categorical drift metrics of a generative endpoint from its request-response log,
-- aggregated in BigQuery: counts per category in the baseline window and each day of the
-- current one, of
--   outcome     answered / refusal / safety_block / error
--   language    the prompt's language, by its commonest function words (en, de, fr, es, other)
--   vocabulary  the prompt words (3+ letters) among the 50 commonest over both windows, else (other)
-- The host turns the counts into an L-infinity distance (src/drift/featureDrift.ts).
-- {{table}} is a validated `project.dataset.table`; everything else is a parameter.
WITH requests AS (
  SELECT
    -- The current window per day (UTC), so drift reads as a series over time.
    IF(logging_time >= @current_start, CAST(DATE(logging_time) AS STRING), 'baseline') AS window_name,
    LOWER(IFNULL(JSON_VALUE(full_request, '$.contents[0].parts[0].text'), '')) AS prompt,
    LOWER(IFNULL(JSON_VALUE(full_response, '$.candidates[0].content.parts[0].text'), '')) AS response,
    JSON_VALUE(full_response, '$.candidates[0].finishReason') AS finish_reason,
    JSON_VALUE(full_response, '$.promptFeedback.blockReason') AS block_reason,
    JSON_VALUE(full_response, '$.error.code') AS error_code
  FROM {{table}}
  WHERE ENDS_WITH(endpoint, CONCAT('/endpoints/', @endpoint_id))
    AND ((logging_time >= @baseline_start AND logging_time < @baseline_end)
      OR (logging_time >= @current_start AND logging_time < @current_end))
),
labelled AS (
  SELECT
    window_name,
    prompt,
    CASE
      WHEN error_code IS NOT NULL THEN 'error'
      WHEN block_reason IS NOT NULL OR finish_reason IN ('SAFETY', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII') THEN 'safety_block'
      WHEN REGEXP_CONTAINS(response, r"^(i'm sorry|i am sorry|sorry, i|i can't|i cannot|i won't|i'm unable|i am unable)") THEN 'refusal'
      ELSE 'answered'
    END AS outcome,
    CASE
      WHEN REGEXP_CONTAINS(prompt, r'(^|[^a-z])(der|die|und|nicht|ist|ich|mein)([^a-z]|$)') THEN 'de'
      WHEN REGEXP_CONTAINS(prompt, r'(^|[^a-z])(le|la|les|et|est|je|mon|pas)([^a-z]|$)') THEN 'fr'
      WHEN REGEXP_CONTAINS(prompt, r'(^|[^a-z])(el|los|las|y|es|mi|no|por)([^a-z]|$)') THEN 'es'
      WHEN REGEXP_CONTAINS(prompt, r'(^|[^a-z])(the|and|is|my|to|of|it|how|what|can|i)([^a-z]|$)') THEN 'en'
      ELSE 'other'
    END AS language
  FROM requests
),
words AS (
  SELECT window_name, word
  FROM labelled, UNNEST(SPLIT(REGEXP_REPLACE(prompt, r'[^a-z]+', ' '), ' ')) AS word
  WHERE LENGTH(word) >= 3
),
top_words AS (
  SELECT word FROM words GROUP BY word ORDER BY COUNT(*) DESC, word LIMIT 50
)
SELECT 'outcome' AS metric, window_name, outcome AS category, COUNT(*) AS n FROM labelled GROUP BY window_name, outcome
UNION ALL
SELECT 'language' AS metric, window_name, language AS category, COUNT(*) AS n FROM labelled GROUP BY window_name, language
UNION ALL
SELECT 'vocabulary' AS metric, window_name, IF(word IN (SELECT word FROM top_words), word, '(other)') AS category, COUNT(*) AS n
FROM words GROUP BY window_name, category
ORDER BY metric, window_name, category
