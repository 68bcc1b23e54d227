-- The pairs (unit, date) and their province computed once each, then joined: planned inline, the
-- province function ran for rows over and over (a re-key of 600,000 value rows: 117 s, now 14 s).
CREATE OR REPLACE FUNCTION ntm_key_provinces(since date, only_missing boolean) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  keyed text[];
BEGIN
  FOREACH keyed SLICE 1 IN ARRAY ARRAY[
    ['assessments', 'make_date(year, 12, 31)'],
    ['evaluation_results', 'make_date(year, 12, 31)'],
    ['assessment_values', 'make_date(year, 12, 31)'],
    ['evaluation_criteria', 'make_date(year, 12, 31)'],
    ['evidence_files', 'make_date(year, 12, 31)'],
    ['dossiers', 'make_date(year, 12, 31)'],
    ['recognised_levels', 'make_date(year, 12, 31)'],
    ['commune_plans', 'make_date(year, 12, 31)'],
    ['village_values', 'make_date(year, 12, 31)'],
    ['village_assessments', 'make_date(year, 12, 31)'],
    ['village_evidence', 'make_date(year, 12, 31)'],
    ['report_submissions', 'period_end'],
    ['obstacles', '(raised_at AT TIME ZONE ''Asia/Ho_Chi_Minh'')::date'],
    ['audit_log', '(at AT TIME ZONE ''Asia/Ho_Chi_Minh'')::date'],
    ['targets', 'DATE ''9999-12-31'''],
    ['village_recognitions', 'DATE ''9999-12-31'''],
    ['unit_boundaries', 'DATE ''9999-12-31''']
  ] LOOP
    EXECUTE format(
      'WITH k AS MATERIALIZED (
         SELECT unit_code, as_of, ntm_province_of(unit_code, as_of) AS province_code
           FROM (SELECT DISTINCT unit_code, %2$s AS as_of FROM %1$I
                  WHERE unit_code IS NOT NULL AND %2$s >= $1
                    AND (NOT $2 OR province_code IS NULL)) pairs)
       UPDATE %1$I x SET province_code = k.province_code FROM k
        WHERE x.unit_code = k.unit_code AND %2$s = k.as_of
          AND x.province_code IS DISTINCT FROM k.province_code',
      keyed[1], keyed[2]) USING since, only_missing;
  END LOOP;
  -- Rows that belong to another row take its key, so that they sit on its shard.
  UPDATE dossier_events x SET province_code = p.province_code FROM dossiers p
    WHERE p.id = x.dossier_id AND x.province_code IS DISTINCT FROM p.province_code;
  UPDATE dossier_documents x SET province_code = p.province_code FROM dossiers p
    WHERE p.id = x.dossier_id AND x.province_code IS DISTINCT FROM p.province_code;
  UPDATE obstacle_events x SET province_code = p.province_code FROM obstacles p
    WHERE p.id = x.obstacle_id AND x.province_code IS DISTINCT FROM p.province_code;
  UPDATE report_reminders x SET province_code = p.province_code FROM report_submissions p
    WHERE p.id = x.submission_id AND x.province_code IS DISTINCT FROM p.province_code;
  UPDATE report_reminder_mails x SET province_code = p.province_code FROM report_submissions p
    WHERE p.id = x.submission_id AND x.province_code IS DISTINCT FROM p.province_code;
END $$;
