// DuckDB's table functions (DuckDB 1.5: SELECT function_name FROM duckdb_functions() WHERE
// function_type = 'table'). A WITH name among them is refused: DuckDB would call the function
// where the query meant the WITH. test/unit/emulator/sqlSandbox.test.ts keeps the list complete.
export const DUCKDB_TABLE_FUNCTIONS: ReadonlySet<string> = new Set(
  (
    'arrow_scan arrow_scan_dumb check_peg_parser checkpoint disable_logging disable_peg_parser disable_profiling ' +
    'duckdb_approx_database_count duckdb_columns duckdb_connection_count duckdb_constraints duckdb_coordinate_systems ' +
    'duckdb_databases duckdb_dependencies duckdb_extensions duckdb_external_file_cache duckdb_functions duckdb_indexes ' +
    'duckdb_keywords duckdb_log_contexts duckdb_logs duckdb_memory duckdb_optimizers duckdb_prepared_statements ' +
    'duckdb_schemas duckdb_secret_types duckdb_secrets duckdb_sequences duckdb_settings duckdb_table_sample duckdb_tables ' +
    'duckdb_temporary_files duckdb_types duckdb_variables duckdb_views enable_logging enable_peg_parser enable_profiling ' +
    'force_checkpoint generate_series glob icu_calendar_names json_each json_execute_serialized_sql json_tree ' +
    'parquet_bloom_probe parquet_file_metadata parquet_full_metadata parquet_kv_metadata parquet_metadata parquet_scan ' +
    'parquet_schema pg_timezone_names pragma_collations pragma_database_size pragma_metadata_info pragma_platform ' +
    'pragma_show pragma_storage_info pragma_table_info pragma_user_agent pragma_version query query_table range read_blob ' +
    'read_csv read_csv_auto read_duckdb read_json read_json_auto read_json_objects read_json_objects_auto read_ndjson ' +
    'read_ndjson_auto read_ndjson_objects read_parquet read_text repeat repeat_row seq_scan sniff_csv sql_auto_complete ' +
    'summary test_all_types test_vector_types truncate_duckdb_logs unnest which_secret'
  ).split(' '),
);
