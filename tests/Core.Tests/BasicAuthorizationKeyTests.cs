using System.Text;
using Guardrails.Core.Files;
using Guardrails.Core.Secrets;
using Guardrails.Tests.Shared;

namespace Guardrails.Core.Tests;

/// <summary>
/// Issue 16 leftover: <c>Authorization: Basic &lt;base64 of user:key&gt;</c>. Providers that take HTTP Basic credentials
/// (and any proxy in front of one) read the key from the decoded <c>user:password</c> pair: the header carries the key
/// encoded. Found by decoding the credentials and judging the key in them, reported at the encoded value.
/// </summary>
public class BasicAuthorizationKeyTests
{
    private static readonly string Key = FakeKeys.OpenAiProject("BasicAuthFakeKeyNotReal");

    private static readonly string Encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes("api:" + Key));

    private static List<SecretMatch> Scan(string path, string text)
    {
        var found = new List<SecretMatch>();
        TextFileSecrets.Scan(path, text, found);
        return found;
    }

    public static TheoryData<string, string> Headers() => new()
    {
        { "api.http", "GET https://api.openai.com/v1/models\nAuthorization: Basic {0}\n" },
        { "appsettings.json", "{{ \"Upstream\": {{ \"Headers\": {{ \"Authorization\": \"Basic {0}\" }} }} }}\n" },
        { "values.yaml", "proxy:\n  headers:\n    Authorization: Basic {0}\n" },
        { ".env", "UPSTREAM_AUTH=\"Basic {0}\"\n" },
        // Adversary round 12 route 6: the same header in a script, code and a README.
        { "scripts/models.sh", "#!/bin/sh\ncurl -s -H \"Authorization: Basic {0}\" https://api.openai.com/v1/models\n" },
        { "tools/ask.py", "import requests\nrequests.get(URL, headers={{\"Authorization\": \"Basic {0}\"}})\n" },
        { "web/src/ask.ts", "const headers = {{ Authorization: `Basic {0}` }};\n" },
        { "README.md", "Call it with:\n\n    curl -H 'Authorization: basic {0}' https://api.openai.com/v1/models\n" },
    };

    [Theory]
    [MemberData(nameof(Headers))]
    public void A_key_in_basic_credentials_is_found_at_the_encoded_value(string path, string format)
    {
        string text = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, Encoded);

        SecretMatch match = Assert.Single(Scan(path, text));

        Assert.Equal("openai-project", match.Format.Id);
        Assert.Equal(text.IndexOf(Encoded, StringComparison.Ordinal), match.Start);
        Assert.DoesNotContain(Key, match.Redacted);
    }

    [Fact]
    public void Basic_credentials_of_an_ordinary_password_are_no_key()
    {
        string encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:correct horse battery staple"));
        Assert.Empty(Scan("api.http", "GET https://example.test/\nAuthorization: Basic " + encoded + "\n"));
    }
}
