using System.Text;
using Guardrails.Core.Files;
using Guardrails.Core.Secrets;
using Guardrails.Tests.Shared;

namespace Guardrails.Core.Tests;

/// <summary>
/// Adversary round 11 route 9: a Python file whose PEP 263 coding declaration names UTF-7 (<c># -*- coding: utf-7 -*-</c>,
/// or vim's <c>fileencoding=utf-7</c>). Python decodes the file as UTF-7, so <c>"+AHM-k-proj-…"</c> (or the whole key as
/// UTF-7's base64) is the key when it runs; the scan read the raw text and saw no <c>sk-</c>. The file is now decoded as
/// Python decodes it and the key reported at its first encoded character.
/// </summary>
public class PythonCodingCookieTests
{
    private static readonly string Key = FakeKeys.OpenAiProject("Utf7CookieFakeKeyNotReal");

    /// <summary>UTF-7's base64 of the UTF-16BE code units (RFC 2152), written by hand: .NET's UTF-7 encoder is obsolete.</summary>
    private static string Utf7(string s) => "+" + Convert.ToBase64String(Encoding.BigEndianUnicode.GetBytes(s)).TrimEnd('=') + "-";

    private static List<SecretMatch> Scan(string path, string text)
    {
        var found = new List<SecretMatch>();
        TextFileSecrets.Scan(path, text, found);
        return found;
    }

    public static TheoryData<string, string> Files() => new()
    {
        { "# -*- coding: utf-7 -*-\nimport os\nos.environ[\"OPENAI_API_KEY\"] = \"", "whole" },
        { "# -*- coding: utf-7 -*-\nimport os\nos.environ[\"OPENAI_API_KEY\"] = \"", "first" },
        { "#!/usr/bin/env python3\n# vim: set fileencoding=UTF_7 :\nOPENAI_API_KEY = '", "first" },
        { "# coding=u7\nk = \"", "whole" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void A_key_written_in_utf7_under_a_utf7_coding_cookie_is_found_at_its_first_encoded_character(string before, string form)
    {
        string encoded = form == "whole" ? Utf7(Key) : Utf7("s") + Key.Substring(1);
        string text = before + encoded + "\"\nprint(1 +2)\n";
        Assert.DoesNotContain("sk-", text);

        SecretMatch match = Assert.Single(Scan("tools/u7.py", text));
        Assert.Equal("openai-project", match.Format.Id);
        Assert.Equal(before.Length, match.Start);
        Assert.DoesNotContain(Key, match.Redacted);
    }

    [Theory]
    [InlineData("import os\n")]                       // no declaration: Python reads UTF-8
    [InlineData("# -*- coding: utf-8 -*-\n")]
    [InlineData("import os\n\n# coding: utf-7\n")]    // not in the first two lines
    public void Without_a_utf7_declaration_in_the_first_two_lines_the_text_is_read_as_written(string before)
    {
        string text = before + "k = \"" + Utf7("s") + Key.Substring(1) + "\"\n";
        Assert.Empty(Scan("tools/u7.py", text));
    }

    [Fact]
    public void Malformed_utf7_never_throws()
    {
        foreach (string body in new[] { "+", "+-", "+AHM", "+AH", "+!!", "+AHMAawAtAH-+", "a+b+c+/+" })
        {
            Assert.Empty(Scan("u7.py", "# coding: utf-7\nx = \"" + body + "\""));
        }
    }
}
