using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Guardrails.Cli.Inventory;

/// <summary>
/// The estate's evidence in one SQLite file: every record ever ingested (deduplicated by content hash), with its
/// components, findings and waivers, and per repository the first and last time it was seen. Reports read the latest
/// record per repository and project.
/// </summary>
internal sealed class InventoryStore : IDisposable
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
        INSERT OR IGNORE INTO meta VALUES ('schema', '1');
        CREATE TABLE IF NOT EXISTS records (
          id INTEGER PRIMARY KEY, fingerprint TEXT UNIQUE NOT NULL, kind TEXT, source TEXT, repository TEXT NOT NULL, project TEXT NOT NULL,
          commit_sha TEXT, branch TEXT, ci TEXT, built_at TEXT, ingested_at TEXT, policy_id TEXT, policy_revision INTEGER, mode TEXT,
          tier TEXT, data_class TEXT, owner_team TEXT, owner_contact TEXT, errors INTEGER, warnings INTEGER, uses TEXT);
        CREATE INDEX IF NOT EXISTS records_latest ON records (repository, project, built_at, id);
        CREATE TABLE IF NOT EXISTS components (record_id INTEGER, type TEXT, id TEXT, version TEXT, assistant TEXT, status TEXT, approved_by TEXT, expires_at TEXT, max_data_class TEXT);
        CREATE INDEX IF NOT EXISTS components_record ON components (record_id);
        CREATE TABLE IF NOT EXISTS findings (record_id INTEGER, rule TEXT, level TEXT, file TEXT, line INTEGER, message TEXT);
        CREATE INDEX IF NOT EXISTS findings_record ON findings (record_id);
        CREATE TABLE IF NOT EXISTS waivers (record_id INTEGER, id TEXT, rule TEXT, subject TEXT, approved_by TEXT, expires_at TEXT);
        CREATE INDEX IF NOT EXISTS waivers_record ON waivers (record_id);
        CREATE TABLE IF NOT EXISTS repos (repository TEXT PRIMARY KEY, first_seen TEXT, last_seen TEXT);
        """;

    public const string LatestView = """
        CREATE TEMP VIEW IF NOT EXISTS latest AS
        SELECT r.* FROM records r
        WHERE r.id = (SELECT r2.id FROM records r2 WHERE r2.repository = r.repository AND r2.project = r.project ORDER BY r2.built_at DESC, r2.id DESC LIMIT 1);
        """;

    private readonly SqliteConnection _db;

    private InventoryStore(SqliteConnection db) => _db = db;

    public SqliteConnection Connection => _db;

    public static InventoryStore Open(string path)
    {
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        db.Open();
        Exec(db, Schema);
        AddColumn(db, "records", "uses", "TEXT");
        AddColumn(db, "records", "endpoints", "TEXT");
        AddColumn(db, "components", "files", "INTEGER");
        Exec(db, LatestView);
        return new InventoryStore(db);
    }

    /// <summary>
    /// Columns later versions added (the recorded uses; audit 1.3 endpoints): an older inventory gets them, and its
    /// records keep null until ingested again (the uses are then filled in).
    /// </summary>
    private static void AddColumn(SqliteConnection db, string table, string column, string type)
    {
        using SqliteCommand q = db.CreateCommand();
        q.CommandText = "SELECT count(*) FROM pragma_table_info('" + table + "') WHERE name = '" + column + "'";
        if (Convert.ToInt64(q.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            Exec(db, "ALTER TABLE " + table + " ADD COLUMN " + column + " " + type);
        }
    }

    public static void Exec(SqliteConnection db, string sql)
    {
        using SqliteCommand c = db.CreateCommand();
        c.CommandText = sql;
        c.ExecuteNonQuery();
    }

    /// <summary>Adds records one by one in one transaction; returns (added, already known).</summary>
    public (int Added, int Known) Ingest(IEnumerable<(Record Record, string Text)> records, string now)
    {
        int added = 0, known = 0;
        using SqliteTransaction tx = _db.BeginTransaction();
        using SqliteCommand insert = Command(tx, "INSERT OR IGNORE INTO records (fingerprint, kind, source, repository, project, commit_sha, branch, ci, built_at, ingested_at, policy_id, policy_revision, mode, tier, data_class, owner_team, owner_contact, errors, warnings, uses, endpoints) VALUES ($f,$k,$s,$r,$p,$c,$b,$ci,$t,$i,$pid,$prev,$m,$tier,$dc,$ot,$oc,$e,$w,$u,$ep) RETURNING id", "$f", "$k", "$s", "$r", "$p", "$c", "$b", "$ci", "$t", "$i", "$pid", "$prev", "$m", "$tier", "$dc", "$ot", "$oc", "$e", "$w", "$u", "$ep");
        using SqliteCommand fill = Command(tx, "UPDATE records SET uses = $u WHERE fingerprint = $f AND uses IS NULL", "$u", "$f");
        using SqliteCommand comp = Command(tx, "INSERT INTO components (record_id, type, id, version, assistant, status, approved_by, expires_at, max_data_class, files) VALUES ($r,$t,$i,$v,$a,$s,$by,$x,$dc,$n)", "$r", "$t", "$i", "$v", "$a", "$s", "$by", "$x", "$dc", "$n");
        using SqliteCommand find = Command(tx, "INSERT INTO findings VALUES ($r,$rule,$l,$f,$line,$m)", "$r", "$rule", "$l", "$f", "$line", "$m");
        using SqliteCommand waiver = Command(tx, "INSERT INTO waivers VALUES ($r,$i,$rule,$s,$by,$x)", "$r", "$i", "$rule", "$s", "$by", "$x");
        using SqliteCommand repo = Command(tx, "INSERT INTO repos VALUES ($r,$t,$t) ON CONFLICT(repository) DO UPDATE SET first_seen = min(first_seen, $t), last_seen = max(last_seen, $t)", "$r", "$t");
        foreach ((Record r, string text) in records)
        {
            string seen = r.BuiltAt.Length > 0 ? r.BuiltAt : now;
            string fingerprint = Fingerprint(text);
            Set(insert, fingerprint, r.Kind, r.Source, r.Repository, r.Project, r.Commit, r.Branch, r.Ci, seen, now, r.PolicyId, r.PolicyRevision, r.Mode, r.Tier, r.DataClass, r.OwnerTeam, r.OwnerContact,
                r.Findings.Count(f => f.Level == "error"), r.Findings.Count(f => f.Level != "error"), r.Uses, r.Endpoints);
            object? id = insert.ExecuteScalar();
            if (id == null)
            {
                if (r.Uses != null)
                {
                    Set(fill, r.Uses, fingerprint);
                    fill.ExecuteNonQuery();
                }

                known++;
                continue;
            }

            added++;
            foreach (Component c in r.Components)
            {
                Set(comp, id, c.Type, c.Id, c.Version, c.Assistant, c.Status, c.ApprovedBy, c.ExpiresAt, c.MaxDataClass, c.Files);
                comp.ExecuteNonQuery();
            }

            foreach (RecordFinding f in r.Findings)
            {
                Set(find, id, f.Rule, f.Level, f.File, f.Line, f.Message);
                find.ExecuteNonQuery();
            }

            foreach (RecordWaiver w in r.Waivers)
            {
                Set(waiver, id, w.Id, w.Rule, w.Subject, w.ApprovedBy, w.ExpiresAt);
                waiver.ExecuteNonQuery();
            }

            Set(repo, r.Repository, seen);
            repo.ExecuteNonQuery();
        }

        tx.Commit();
        return (added, known);
    }

    private SqliteCommand Command(SqliteTransaction tx, string sql, params string[] names)
    {
        SqliteCommand c = _db.CreateCommand();
        c.Transaction = tx;
        c.CommandText = sql;
        foreach (string n in names)
        {
            c.Parameters.Add(new SqliteParameter(n, DBNull.Value));
        }

        c.Prepare();
        return c;
    }

    private static void Set(SqliteCommand c, params object?[] values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            c.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    private static string Fingerprint(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public void Dispose() => _db.Dispose();
}
