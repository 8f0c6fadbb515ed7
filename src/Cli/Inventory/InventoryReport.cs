using System.Globalization;
using System.Text;
using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Reports;
using Guardrails.Core.Json;
using Microsoft.Data.Sqlite;

namespace Guardrails.Cli.Inventory;

/// <summary>The owner's view of the estate, from the latest record of every repository and project.</summary>
internal static class InventoryReport
{
    public const string JsonFormat = "guardrails-inventory/1";

    /// <summary>Waivers expiring within this many days are listed.</summary>
    public const int WaiverWindowDays = 30;

    public static SortedDictionary<string, object?> Model(InventoryStore store, IReadOnlyList<InputProblem> problems, DateTimeOffset now)
    {
        SqliteConnection db = store.Connection;
        var repos = new List<object?>();
        foreach (var row in Rows(db, """
            SELECT l.repository, max(l.owner_team), max(l.owner_contact), group_concat(DISTINCT l.tier), group_concat(DISTINCT l.data_class),
                   p.first_seen, p.last_seen, count(*), sum(l.errors), sum(l.warnings), max(l.policy_id), max(l.policy_revision),
                   max(l.commit_sha), max(l.branch), max(l.ci), group_concat(l.project, ', '),
                   CASE WHEN sum(l.endpoints IS NULL) > 0 THEN 'not recorded' WHEN sum(l.endpoints LIKE 'unknown%') > 0 THEN 'unknown' ELSE 'complete' END
            FROM latest l JOIN repos p ON p.repository = l.repository GROUP BY l.repository ORDER BY l.repository
            """))
        {
            repos.Add(AuditRecord.Obj(("repository", row[0]), ("owner", row[1]), ("contact", row[2]), ("tier", row[3]), ("dataClass", row[4]),
                ("firstSeen", row[5]), ("lastSeen", row[6]), ("projects", row[15]), ("errors", row[8]), ("warnings", row[9]),
                ("policy", row[10] == null ? null : row[10] + " r" + row[11]), ("commit", row[12]), ("branch", row[13]), ("ci", row[14]), ("endpoints", row[16])));
        }

        var components = new List<object?>();
        foreach (var row in Rows(db, """
            SELECT c.type, c.id, group_concat(DISTINCT l.repository), group_concat(DISTINCT coalesce(l.owner_team, '?') || ' <' || coalesce(l.owner_contact, '?') || '>'),
                   max(c.approved_by), min(c.expires_at), group_concat(DISTINCT l.tier), group_concat(DISTINCT l.data_class), group_concat(DISTINCT c.status),
                   max(c.max_data_class), group_concat(DISTINCT c.version), group_concat(DISTINCT c.assistant), count(DISTINCT l.repository), sum(c.files)
            FROM latest l JOIN components c ON c.record_id = l.id GROUP BY c.type, c.id ORDER BY c.type, c.id
            """))
        {
            components.Add(AuditRecord.Obj(("type", row[0]), ("id", row[1]), ("repositories", Split(row[2])), ("owners", Split(row[3])),
                ("approvedBy", row[4]), ("expiresAt", row[5]), ("tiers", row[6]), ("dataClasses", row[7]), ("status", row[8]),
                ("maxDataClass", row[9]), ("versions", row[10]), ("assistants", row[11]), ("repositoryCount", row[12]), ("files", row[13])));
        }

        string horizon = now.AddDays(WaiverWindowDays).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var waivers = new List<object?>();
        foreach (var row in Rows(db, """
            SELECT w.id, max(w.rule), max(w.subject), max(w.approved_by), min(w.expires_at), group_concat(DISTINCT l.repository)
            FROM latest l JOIN waivers w ON w.record_id = l.id WHERE w.expires_at IS NOT NULL AND w.expires_at <= $h
            GROUP BY w.id ORDER BY min(w.expires_at)
            """, ("$h", horizon)))
        {
            waivers.Add(AuditRecord.Obj(("id", row[0]), ("rule", row[1]), ("subject", row[2]), ("approvedBy", row[3]), ("expiresAt", row[4]), ("repositories", Split(row[5]))));
        }

        var findings = new List<object?>();
        foreach (var row in Rows(db, """
            SELECT l.repository, l.project, f.rule, f.level, f.file, f.line, f.message FROM latest l JOIN findings f ON f.record_id = l.id
            ORDER BY l.repository, l.project, f.level, f.rule
            """))
        {
            findings.Add(AuditRecord.Obj(("repository", row[0]), ("project", row[1]), ("rule", row[2]), ("level", row[3]), ("file", FileName(row[4] as string)), ("line", row[5]), ("message", row[6])));
        }

        // Repositories whose latest record cannot say what the code reaches: their endpoints are unknown, not none.
        var unknownReach = new List<object?>();
        foreach (var row in Rows(db, """
            SELECT l.repository, l.project, coalesce(l.endpoints, 'not recorded (a record before audit format 1.3, or an AI-BOM)') FROM latest l
            WHERE l.endpoints IS NULL OR l.endpoints <> 'complete' ORDER BY l.repository, l.project
            """))
        {
            unknownReach.Add(AuditRecord.Obj(("repository", row[0]), ("project", row[1]), ("endpoints", row[2])));
        }

        long records = (long)(Rows(db, "SELECT count(*) FROM records").First()[0] ?? 0L);
        return AuditRecord.Obj(
            ("format", JsonFormat),
            ("generatedAt", now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
            ("waiverHorizon", horizon),
            ("recordCount", records),
            ("repositories", repos),
            ("components", components),
            ("endpointsUnknown", unknownReach),
            ("decommission", null),
            ("waiversExpiring", waivers),
            ("findings", findings),
            ("problems", problems.Select(p => (object?)AuditRecord.Obj(("code", p.Code), ("source", p.Source), ("message", p.Message))).ToList()));
    }

    public static string Json(SortedDictionary<string, object?> model) => JsonWriter.Write(model, SafeText.Clean);

    /// <summary>One row per component and repository using it.</summary>
    public static string Csv(InventoryStore store, SortedDictionary<string, object?> model)
    {
        var sb = new StringBuilder("type,id,repository,approvedBy,expiresAt,tiers,dataClasses,status,versions,filesTotal\n");

        // Each row says what that repository's latest records hold (its tier, data class, versions, files), not the
        // component's totals over the estate.
        foreach (object?[] row in Rows(store.Connection, """
            SELECT c.type, c.id, l.repository, max(c.approved_by), min(c.expires_at), group_concat(DISTINCT l.tier), group_concat(DISTINCT l.data_class),
                   group_concat(DISTINCT c.status), group_concat(DISTINCT c.version), sum(c.files)
            FROM latest l JOIN components c ON c.record_id = l.id GROUP BY c.type, c.id, l.repository ORDER BY c.type, c.id, l.repository
            """))
        {
            sb.AppendJoin(',', row.Select(v => Cell(v is long n ? n.ToString(CultureInfo.InvariantCulture) : v as string))).Append('\n');
        }

        // Waivers expiring within the window (the report's "waivers expiring within 30 days"), one row per repository that applied it.
        foreach (SortedDictionary<string, object?> w in ((List<object?>)model["waiversExpiring"]!).Cast<SortedDictionary<string, object?>>())
        {
            string status = string.Join(" ", new[] { w["rule"] as string, w["subject"] as string }.Where(x => !string.IsNullOrEmpty(x)));
            foreach (object? repo in (List<object?>)w["repositories"]!)
            {
                sb.AppendJoin(',', new[] { "waiver", w["id"], repo, w["approvedBy"], w["expiresAt"], null, null, status, null, null }.Select(v => Cell(v as string))).Append('\n');
            }
        }

        return SafeText.Clean(sb.ToString());
    }

    private static string Cell(string? v)
    {
        v ??= string.Empty;
        if (v.Length > 0 && "=+-@".Contains(v[0], StringComparison.Ordinal))
        {
            v = "'" + v; // no formula injection when the CSV is opened in a spreadsheet
        }

        return v.IndexOfAny(new[] { ',', '"', '\n', '\r' }) >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;
    }

    public static string Html(SortedDictionary<string, object?> model)
    {
        string data = Json(model).Replace("<", "\\u003c", StringComparison.Ordinal).Replace("\u2028", "\\u2028", StringComparison.Ordinal).Replace("\u2029", "\\u2029", StringComparison.Ordinal);
        using Stream stream = typeof(InventoryReport).Assembly.GetManifestResourceStream("Guardrails.Cli.Inventory.report.html")!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Replace("/*DATA*/null", data, StringComparison.Ordinal);
    }

    private static List<object?> Split(object? csv) =>
        csv is string s ? s.Split(',', StringSplitOptions.RemoveEmptyEntries).Distinct().OrderBy(x => x, StringComparer.Ordinal).Select(x => (object?)x).ToList() : new List<object?>();

    private static string? FileName(string? path) => path == null ? null : Path.GetFileName(path.Replace('\\', '/'));

    private static IEnumerable<object?[]> Rows(SqliteConnection db, string sql, params (string Name, object Value)[] args)
    {
        using SqliteCommand q = db.CreateCommand();
        q.CommandText = sql;
        foreach ((string n, object v) in args)
        {
            q.Parameters.AddWithValue(n, v);
        }

        using SqliteDataReader r = q.ExecuteReader();
        while (r.Read())
        {
            var row = new object?[r.FieldCount];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = r.IsDBNull(i) ? null : r.GetValue(i);
            }

            yield return row;
        }
    }
}
