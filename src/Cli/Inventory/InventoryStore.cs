using System.Security.Cryptography;
using System.Text;
using Guardrails.Cli.PolicyTools;
using Guardrails.Core.Text;
using Microsoft.Data.Sqlite;

namespace Guardrails.Cli.Inventory;

internal sealed record Breakage(string Repository, string? Owner, string? Contact, string Because);

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
          tier TEXT, data_class TEXT, owner_team TEXT, owner_contact TEXT, errors INTEGER, warnings INTEGER);
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
        Exec(db, LatestView);
        return new InventoryStore(db);
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
        using SqliteCommand insert = Command(tx, "INSERT OR IGNORE INTO records (fingerprint, kind, source, repository, project, commit_sha, branch, ci, built_at, ingested_at, policy_id, policy_revision, mode, tier, data_class, owner_team, owner_contact, errors, warnings) VALUES ($f,$k,$s,$r,$p,$c,$b,$ci,$t,$i,$pid,$prev,$m,$tier,$dc,$ot,$oc,$e,$w) RETURNING id", "$f", "$k", "$s", "$r", "$p", "$c", "$b", "$ci", "$t", "$i", "$pid", "$prev", "$m", "$tier", "$dc", "$ot", "$oc", "$e", "$w");
        using SqliteCommand comp = Command(tx, "INSERT INTO components VALUES ($r,$t,$i,$v,$a,$s,$by,$x,$dc)", "$r", "$t", "$i", "$v", "$a", "$s", "$by", "$x", "$dc");
        using SqliteCommand find = Command(tx, "INSERT INTO findings VALUES ($r,$rule,$l,$f,$line,$m)", "$r", "$rule", "$l", "$f", "$line", "$m");
        using SqliteCommand waiver = Command(tx, "INSERT INTO waivers VALUES ($r,$i,$rule,$s,$by,$x)", "$r", "$i", "$rule", "$s", "$by", "$x");
        using SqliteCommand repo = Command(tx, "INSERT INTO repos VALUES ($r,$t,$t) ON CONFLICT(repository) DO UPDATE SET first_seen = min(first_seen, $t), last_seen = max(last_seen, $t)", "$r", "$t");
        foreach ((Record r, string text) in records)
        {
            string seen = r.BuiltAt.Length > 0 ? r.BuiltAt : now;
            Set(insert, Fingerprint(text), r.Kind, r.Source, r.Repository, r.Project, r.Commit, r.Branch, r.Ci, seen, now, r.PolicyId, r.PolicyRevision, r.Mode, r.Tier, r.DataClass, r.OwnerTeam, r.OwnerContact,
                r.Findings.Count(f => f.Level == "error"), r.Findings.Count(f => f.Level != "error"));
            object? id = insert.ExecuteScalar();
            if (id == null)
            {
                known++;
                continue;
            }

            added++;
            foreach (Component c in r.Components)
            {
                Set(comp, id, c.Type, c.Id, c.Version, c.Assistant, c.Status, c.ApprovedBy, c.ExpiresAt, c.MaxDataClass);
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

    /// <summary>Repositories whose latest records use something the new policy revision revokes or lets expire.</summary>
    public static List<Breakage> WouldBreak(string dbPath, IReadOnlyList<PolicyChange> changes)
    {
        var result = new List<Breakage>();
        using InventoryStore store = Open(dbPath);
        var uses = new List<(string Repo, string? Owner, string? Contact, string Type, string Id, string? Assistant)>();
        using (SqliteCommand q = store._db.CreateCommand())
        {
            q.CommandText = "SELECT l.repository, l.owner_team, l.owner_contact, c.type, c.id, c.assistant FROM latest l JOIN components c ON c.record_id = l.id " +
                "UNION SELECT l.repository, l.owner_team, l.owner_contact, 'waiver', w.id, NULL FROM latest l JOIN waivers w ON w.record_id = l.id";
            using SqliteDataReader r = q.ExecuteReader();
            while (r.Read())
            {
                uses.Add((r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3), r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5)));
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (PolicyChange change in changes.Where(c => c.Change is "revoked" or "expired"))
        {
            foreach (var u in uses)
            {
                if (Uses(change, u.Type, u.Id, u.Assistant) && seen.Add(u.Repo + "|" + change.Type + "|" + change.Id))
                {
                    result.Add(new Breakage(u.Repo, u.Owner, u.Contact, change.Type + " '" + change.Id + "' " + change.Change + " (" + change.Detail + ")"));
                }
            }
        }

        result.Sort((a, b) => string.CompareOrdinal(a.Repository, b.Repository));
        return result;
    }

    private static bool Uses(PolicyChange change, string type, string id, string? assistant)
    {
        switch (change.Type)
        {
            case "assistant":
                return type == "assistant" && string.Equals(id, change.Id, StringComparison.OrdinalIgnoreCase);
            case "model":
                int slash = change.Id.IndexOf('/');
                return type == "model" && slash > 0 && string.Equals(assistant, change.Id[..slash], StringComparison.OrdinalIgnoreCase) && Matches(change.Id[(slash + 1)..], id);
            case "mcpServer":
                return type == "mcpServer" && string.Equals(id, change.Id, StringComparison.OrdinalIgnoreCase);
            case "package":
                return type == "package" && Matches(change.Id, id);
            case "endpoint":
                return type == "endpoint" && Matches(change.Id, id);
            case "waiver":
                return type == "waiver" && string.Equals(id, change.Id, StringComparison.OrdinalIgnoreCase);
            default:
                return false;
        }
    }

    private static bool Matches(string pattern, string value) =>
        Glob.IsPattern(pattern) ? Glob.Match(pattern, value) : string.Equals(pattern, value, StringComparison.OrdinalIgnoreCase);

    public void Dispose() => _db.Dispose();
}
