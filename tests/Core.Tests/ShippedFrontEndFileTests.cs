using Guardrails.Core.Files;
using Guardrails.Core.Secrets;
using Guardrails.Tests.Shared;

namespace Guardrails.Core.Tests;

/// <summary>
/// Minified and vendored front-end files that a web project ships (wwwroot/lib/bootstrap/dist/js/bootstrap.min.js,
/// site.min.css, source maps). Guardrails does not skip them: a key inlined into a bundle reaches every browser, so a
/// self-identifying key (a prefix, a checksum) is found there as anywhere else, as TruffleHog finds it (it skips no file by
/// name). Gitleaks instead leaves vendored library files out by name (bootstrap, jquery, angular, plotly, swagger-ui .js)
/// because its generic name = value rule is noisy on them; that rule's counterpart here, judging a value by its name, is
/// not run on script and style text at all (only configuration formats name their values), so there is nothing to skip.
/// </summary>
public class ShippedFrontEndFileTests
{
    private static List<SecretMatch> Scan(string path, string text)
    {
        var found = new List<SecretMatch>();
        TextFileSecrets.Scan(path, text, found);
        return found;
    }

    // One minified line as bundlers write it: short names, key-named properties with random-looking values, an SRI hash,
    // a base64 data URI, a content hash, a 32-character id.
    private static string MinifiedLine(string inject) =>
        "!function(e,t){\"use strict\";var n={apiKey:\"" + FakeKeys.Body(32, "MinifiedRandomLooking9") + "\",token:\"" + FakeKeys.Hex(40) + "\"," +
        "integrity:\"sha384-" + FakeKeys.Body(64, "SriHashOfTheScriptFile7") + "\",icon:\"data:image/png;base64," + FakeKeys.Body(120, "PngBytesAsBase64Body3") + "\"," +
        "hash:\"" + FakeKeys.Hex(64) + "\",secretKey:\"" + FakeKeys.Body(40, "VendorDemoSecret5") + "\"" + inject + "};e.Widget=n}(this,document);";

    [Theory]
    [InlineData("wwwroot/lib/bootstrap/dist/js/bootstrap.min.js")]
    [InlineData("wwwroot/lib/jquery/dist/jquery.min.js")]
    [InlineData("wwwroot/js/app.bundle.min.js")]
    [InlineData("wwwroot/css/site.min.css")]
    [InlineData("wwwroot/lib/swagger-ui/swagger-ui-bundle.js.map")]
    public void A_minified_or_vendored_file_reports_no_named_value(string path)
    {
        Assert.Empty(Scan(path, MinifiedLine(string.Empty)));
    }

    [Theory]
    [InlineData("wwwroot/lib/bootstrap/dist/js/bootstrap.min.js")]
    [InlineData("wwwroot/js/app.bundle.min.js")]
    [InlineData("wwwroot/lib/swagger-ui/swagger-ui-bundle.js.map")]
    public void A_self_identifying_key_inlined_into_a_minified_or_vendored_file_is_found(string path)
    {
        string key = FakeKeys.OpenAiProject("InlinedIntoABundleNotReal");
        string text = MinifiedLine(",openai:\"" + key + "\"");

        SecretMatch match = Assert.Single(Scan(path, text));

        Assert.Equal("openai-project", match.Format.Id);
        Assert.Equal(text.IndexOf(key, StringComparison.Ordinal), match.Start);
    }
}
