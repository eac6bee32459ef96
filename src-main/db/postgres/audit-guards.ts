/**
 * The audit log's append-only guards on PostgreSQL, exactly as migration 0001 creates them; frozen (a change would
 * need a new migration). The chain check (../audit-chain-port.ts) compares the live triggers and functions with these,
 * as it compares SQLite's with AUDIT_TRIGGERS.
 */
export const AUDIT_FUNCTIONS: Readonly<Record<string, string>> = {
  audit_log_refuse_change: `
BEGIN
  RAISE EXCEPTION 'audit log is append-only';
END `,
  // audit_log_reached keeps the highest id ever appended, as sqlite_sequence does, so a deleted tail shows.
  audit_log_append: `
BEGIN
  IF NEW.hash IS NULL OR NEW.id IS DISTINCT FROM (SELECT coalesce(max(id), 0) + 1 FROM audit_log) THEN
    RAISE EXCEPTION 'audit log is append-only: a new entry must follow the last one and carry its chain hash';
  END IF;
  UPDATE audit_log_reached SET id = greatest(id, NEW.id);
  RETURN NEW;
END `,
};

/** TRUNCATE, which SQLite lacks and which skips row triggers, is refused too. */
export const AUDIT_TRIGGERS_POSTGRES: Readonly<Record<string, string>> = {
  audit_log_no_update: 'CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()',
  audit_log_no_delete: 'CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()',
  audit_log_no_truncate: 'CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()',
  audit_log_append_only: 'CREATE TRIGGER audit_log_append_only BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append()',
};

export const AUDIT_GUARDS_SQL = [
  ...Object.entries(AUDIT_FUNCTIONS).map(([name, body]) => `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$${body}$$;`),
  ...Object.values(AUDIT_TRIGGERS_POSTGRES).map((sql) => `${sql};`),
].join('\n');
