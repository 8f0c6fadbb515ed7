using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Guardrails.Tests.Shared;

namespace Guardrails.Cli.Tests;

/// <summary>
/// Issue 16 item 6, adversary round 7 route 4 (repro-1): committed files of no kind the build reads, and binary containers
/// (a zip with an .env inside, an .xlsx, a SQLite database, a PNG with a tEXt chunk, a .bin that is plain text), passed
/// <c>guardrails scan</c> with a key in each. The scan now reads every committed file for self-identifying keys with the
/// gate's reader (archives opened, within its limits; a limit reached is GRD007, never silence).
/// </summary>
public sealed class ScanEveryCommittedFileTests
{
    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var bytes = new MemoryStream();
        using (var zip = new ZipArchive(bytes, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach ((string name, string text) in entries)
            {
                using Stream entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                entry.Write(Encoding.UTF8.GetBytes(text));
            }
        }

        return bytes.ToArray();
    }

    /// <summary>A PNG: signature, a 1x1 IHDR, a tEXt chunk "Comment\0&lt;text&gt;", IEND (CRCs left zero: nothing here checks them).</summary>
    private static byte[] PngWithText(string text)
    {
        var png = new List<byte> { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };
        void Chunk(string type, byte[] data)
        {
            png.AddRange(new[] { (byte)(data.Length >> 24), (byte)(data.Length >> 16), (byte)(data.Length >> 8), (byte)data.Length });
            png.AddRange(Encoding.ASCII.GetBytes(type));
            png.AddRange(data);
            png.AddRange(new byte[4]);
        }

        Chunk("IHDR", new byte[] { 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0 });
        Chunk("tEXt", Encoding.ASCII.GetBytes("Comment\0" + text));
        Chunk("IEND", Array.Empty<byte>());
        return png.ToArray();
    }

    /// <summary>
    /// A SQLite-like database: the 100-byte header's magic, then a page whose cell holds the text among binary bytes. (A
    /// key right after another text column of its row, with no byte between, is not read as a key: a limit docs/ci.md names.)
    /// </summary>
    private static byte[] SqliteWith(string text)
    {
        var db = new byte[8192];
        Encoding.ASCII.GetBytes("SQLite format 3\0").CopyTo(db, 0);
        db[16] = 0x10; // page size 4096
        db[4096] = 0x0D; // a table leaf page
        // A record: its header (serial types, binary), then the values back to back (the text first, then an integer, then "openai").
        byte[] cell = Encoding.ASCII.GetBytes("\u0004\u00ff\u0001\u0027" + text + "\u0001" + "openai");
        cell.CopyTo(db, 8192 - cell.Length - 7);
        return db;
    }

    private static void Bytes(TempRepo repo, string relative, byte[] bytes)
    {
        string path = repo.PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    private static (string File, string Rule)[] Findings(CliRun run)
    {
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        return doc.RootElement.GetProperty("findings").EnumerateArray()
            .Select(e => (e.GetProperty("file").GetString()!, e.GetProperty("rule").GetString()!))
            .OrderBy(f => f.Item1, StringComparer.Ordinal).ToArray();
    }

    [Fact]
    public void A_key_in_a_committed_zip_xlsx_sqlite_png_or_plain_text_bin_is_reported_and_keyless_files_are_not()
    {
        string key = FakeKeys.OpenAiProject("EveryCommittedFileNotReal");
        using var repo = new TempRepo();
        ScanTests.Git(repo.Root, "init", "-q");
        Bytes(repo, "samples/secrets.zip", Zip((".env", "OPENAI_API_KEY=" + key + "\n"), ("README.txt", "sample\n")));
        Bytes(repo, "data/keys.xlsx",
            Zip(("[Content_Types].xml", "<Types/>"), ("xl/sharedStrings.xml", "<sst><si><t>OpenAI</t></si><si><t>" + key + "</t></si></sst>")));
        Bytes(repo, "data/app.db", SqliteWith(key));
        Bytes(repo, "docs/logo.png", PngWithText(key));
        repo.Write("keys/key.bin", key + "\n");

        // Keyless look-alikes: a zip and a PNG with a placeholder, a database of words.
        Bytes(repo, "samples/clean.zip", Zip((".env", "OPENAI_API_KEY=sk-proj-your-key-here\n")));
        Bytes(repo, "docs/icon.png", PngWithText("Created with GIMP"));
        Bytes(repo, "data/words.db", SqliteWith("the quick brown fox jumps over the lazy dog"));
        ScanTests.Git(repo.Root, "add", "-A");

        CliRun run = CliRun.Of("scan", repo.Root, "--format", "json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            new[] { ("data/app.db", "GRD002"), ("data/keys.xlsx!xl/sharedStrings.xml", "GRD002"), ("docs/logo.png", "GRD002"), ("keys/key.bin", "GRD002"), ("samples/secrets.zip!.env", "GRD002") },
            Findings(run));
        Assert.DoesNotContain(key.Substring(8, 30), run.All);
    }

    [Fact]
    public void A_committed_zip_over_the_entry_limit_is_reported_as_not_read_completely_not_skipped_in_silence()
    {
        using var repo = new TempRepo();
        ScanTests.Git(repo.Root, "init", "-q");
        var entries = Enumerable.Range(0, Guardrails.Cli.Verify.ShippedContents.MaxEntries + 1).Select(i => ("f" + i + ".txt", "x")).ToArray();
        Bytes(repo, "big.zip", Zip(entries));
        ScanTests.Git(repo.Root, "add", "-A");

        CliRun run = CliRun.Of("scan", repo.Root, "--format", "json");

        Assert.Contains(("big.zip", "GRD007"), Findings(run));
        Assert.Contains("10000", run.Out);
    }
}

