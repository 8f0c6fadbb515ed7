using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace Guardrails.Analyzers.Tests.ThirdCorpus;

/// <summary>
/// A third independent corpus (issue 16 item 1), written from shared/reference/ai-key-formats.md, providers'
/// documentation, shapes of real repositories and the C# specification, without reading the detector or the two
/// earlier corpora. Classes: <c>must/…</c> (a literal key, or literal pieces joined in one expression or across
/// constants: GRD001 in C#, GRD002 in files), <c>stretch/…</c> (the key is computed at run time), <c>possible/…</c>
/// (a key-named random value of no provider format: GRD006), <c>trap/…</c> (look-alikes: silent at warning and above).
/// A case counts as found when its rule reports at the key's own line; a key found there only as GRD006 is counted
/// apart. Floors equal what was measured and may only go up; the traps that fire are listed exactly.
/// The report is printed and written to third-corpus-report.txt next to the test assembly.
/// </summary>
public class ThirdCorpusTests(ITestOutputHelper output)
{
    /// <summary>Found cases per class (its rule at the key's line). A class missing here fails the test.</summary>
    private static readonly Dictionary<string, int> Floors = new()
    {
        ["must/code-named/anonymous-object-provider-sibling"] = 12, // of 12
        ["must/code-named/azure-key-credential"] = 12, // of 12
        ["must/code-named/camel-suffix-number"] = 12, // of 12
        ["must/code-named/class-name-context"] = 12, // of 12
        ["must/code-named/client-named-argument"] = 12, // of 12
        ["must/code-named/client-positional-argument"] = 12, // of 12
        ["must/code-named/comment-above-neutral-name"] = 12, // of 12
        ["must/code-named/configuration-indexer-assignment"] = 12, // of 12
        ["must/code-named/connector-extension-positional"] = 12, // of 12
        ["must/code-named/dictionary-env-name-add-form"] = 12, // of 12
        ["must/code-named/dictionary-section-key"] = 12, // of 12
        ["must/code-named/embedded-json-provider-sibling"] = 12, // of 12
        ["must/code-named/enclosing-method-name"] = 12, // of 12
        ["must/code-named/env-name-through-constant"] = 12, // of 12
        ["must/code-named/env-style-const-numbered"] = 12, // of 12
        ["must/code-named/header-with-provider-base-address"] = 12, // of 12
        ["must/code-named/json-property-name-attribute"] = 12, // of 12
        ["must/code-named/method-name-with-provider-key"] = 12, // of 12
        ["must/code-named/name-all-caps-no-separators"] = 12, // of 12
        ["must/code-named/name-chinese"] = 12, // of 12
        ["must/code-named/name-german"] = 12, // of 12
        ["must/code-named/name-lower-run-together"] = 12, // of 12
        ["must/code-named/name-mixed-underscore"] = 12, // of 12
        ["must/code-named/name-russian"] = 12, // of 12
        ["must/code-named/name-spanish"] = 12, // of 12
        ["must/code-named/namespace-context"] = 12, // of 12
        ["must/code-named/openai-sdk-compatible-endpoint"] = 12, // of 12
        ["must/code-named/options-configure-lambda"] = 12, // of 12
        ["must/code-named/pascal-auto-property"] = 12, // of 12
        ["must/code-named/record-provider-settings"] = 12, // of 12
        ["must/code-named/request-bearer-with-provider-uri"] = 12, // of 12
        ["must/code-named/set-environment-variable"] = 12, // of 12
        ["must/code-named/switch-per-provider"] = 12, // of 12
        ["must/code-named/top-level-statements"] = 12, // of 12
        ["must/code-named/trailing-comment-same-line"] = 12, // of 12
        ["must/code-named/tuple-provider-sibling"] = 12, // of 12
        ["must/code-named/underscore-prefix-env-suffix"] = 12, // of 12
        ["must/code-named/xml-doc-summary-neutral-name"] = 12, // of 12
        ["must/code/active-else-branch"] = 32, // of 32
        ["must/code/attribute-named-argument"] = 32, // of 32
        ["must/code/attribute-positional-concat"] = 32, // of 32
        ["must/code/authentication-header-value"] = 32, // of 32
        ["must/code/block-comment-multiline"] = 32, // of 32
        ["must/code/bom-crlf-tabs-source"] = 32, // of 32
        ["must/code/char-array-new-string"] = 32, // of 32
        ["must/code/char-code-cast-plus-string"] = 32, // of 32
        ["must/code/char-hex-cast-then-char-plus-string"] = 32, // of 32
        ["must/code/char-plus-string"] = 32, // of 32
        ["must/code/collection-expression-element"] = 32, // of 32
        ["must/code/concat-across-if-directive"] = 32, // of 32
        ["must/code/concat-lines-with-comments"] = 32, // of 32
        ["must/code/concat-plus-three"] = 32, // of 32
        ["must/code/const-across-classes-using-static"] = 32, // of 32
        ["must/code/const-across-partial-files"] = 32, // of 32
        ["must/code/const-chain"] = 32, // of 32
        ["must/code/const-interpolated-holes"] = 32, // of 32
        ["must/code/default-parameter"] = 32, // of 32
        ["must/code/default-value-attribute"] = 32, // of 32
        ["must/code/dictionary-indexer-initializer"] = 32, // of 32
        ["must/code/embedded-env-verbatim"] = 32, // of 32
        ["must/code/embedded-json-interpolated-raw"] = 32, // of 32
        ["must/code/embedded-json-raw"] = 32, // of 32
        ["must/code/embedded-yaml-raw"] = 32, // of 32
        ["must/code/enum-description-attribute"] = 32, // of 32
        ["must/code/escape-U8-every-seventh"] = 32, // of 32
        ["must/code/escape-u-first-three"] = 32, // of 32
        ["must/code/escape-x4-every-fifth"] = 32, // of 32
        ["must/code/file-local-type-file-scoped-namespace"] = 32, // of 32
        ["must/code/generated-file-name"] = 32, // of 32
        ["must/code/generic-static-field"] = 32, // of 32
        ["must/code/http-bearer-header-add"] = 32, // of 32
        ["must/code/in-memory-configuration"] = 32, // of 32
        ["must/code/inactive-if-debug"] = 32, // of 32
        ["must/code/interface-constant"] = 32, // of 32
        ["must/code/interpolated-holes-with-alignment"] = 32, // of 32
        ["must/code/interpolated-literal-holes"] = 32, // of 32
        ["must/code/is-constant-pattern"] = 32, // of 32
        ["must/code/lambda-default-parameter"] = 32, // of 32
        ["must/code/lazy-factory-lambda"] = 32, // of 32
        ["must/code/line-comment"] = 32, // of 32
        ["must/code/linq-aggregate-literals"] = 32, // of 32
        ["must/code/linq-query-syntax-concat"] = 32, // of 32
        ["must/code/list-add"] = 32, // of 32
        ["must/code/list-pattern"] = 32, // of 32
        ["must/code/literal-body-with-word-fragment"] = 96, // of 96
        ["must/code/literal-padded-then-trimmed"] = 32, // of 32
        ["must/code/literal-regular"] = 32, // of 32
        ["must/code/literal-verbatim"] = 32, // of 32
        ["must/code/local-const-in-method"] = 32, // of 32
        ["must/code/local-function"] = 32, // of 32
        ["must/code/logging-argument"] = 32, // of 32
        ["must/code/null-coalescing-env-fallback"] = 32, // of 32
        ["must/code/object-initializer-nested"] = 32, // of 32
        ["must/code/ordinal-equals-check"] = 32, // of 32
        ["must/code/primary-constructor-default"] = 32, // of 32
        ["must/code/property-getter-block"] = 32, // of 32
        ["must/code/property-pattern"] = 32, // of 32
        ["must/code/qualified-system-string-concat"] = 32, // of 32
        ["must/code/raw-interpolated-dollar2-const-hole"] = 32, // of 32
        ["must/code/raw-multi-line"] = 32, // of 32
        ["must/code/raw-single-line"] = 32, // of 32
        ["must/code/record-positional-default"] = 32, // of 32
        ["must/code/record-with-expression"] = 32, // of 32
        ["must/code/regex-pattern"] = 32, // of 32
        ["must/code/region-directive"] = 32, // of 32
        ["must/code/required-member-object-initializer"] = 32, // of 32
        ["must/code/samples-path-program"] = 32, // of 32
        ["must/code/set-environment-variable"] = 32, // of 32
        ["must/code/short-head-const-chain"] = 32, // of 32
        ["must/code/short-head-const-partial-files"] = 32, // of 32
        ["must/code/short-head-interpolated"] = 32, // of 32
        ["must/code/short-head-string-concat"] = 32, // of 32
        ["must/code/short-head-string-format"] = 32, // of 32
        ["must/code/short-head-string-join"] = 32, // of 32
        ["must/code/short-head-stringbuilder"] = 32, // of 32
        ["must/code/span-concat"] = 32, // of 32
        ["must/code/stackalloc-span-new-string"] = 32, // of 32
        ["must/code/static-readonly-interpolated"] = 32, // of 32
        ["must/code/string-concat-call"] = 32, // of 32
        ["must/code/string-create-invariant"] = 32, // of 32
        ["must/code/string-create-span-copy"] = 32, // of 32
        ["must/code/string-format-indexed-out-of-order"] = 32, // of 32
        ["must/code/string-format-placeholders"] = 32, // of 32
        ["must/code/string-join-char-separator-empty-pieces"] = 32, // of 32
        ["must/code/string-join-empty"] = 32, // of 32
        ["must/code/string-join-on-own-separator"] = 26, // of 26
        ["must/code/stringbuilder-append-chain"] = 32, // of 32
        ["must/code/struct-constant"] = 32, // of 32
        ["must/code/switch-expression-arm"] = 32, // of 32
        ["must/code/task-from-result"] = 32, // of 32
        ["must/code/ternary"] = 32, // of 32
        ["must/code/test-project-path"] = 32, // of 32
        ["must/code/top-level-statements"] = 32, // of 32
        ["must/code/trailing-block-comment-same-line"] = 32, // of 32
        ["must/code/tuple-deconstruction"] = 32, // of 32
        ["must/code/url-query-string"] = 32, // of 32
        ["must/code/using-alias-concat"] = 32, // of 32
        ["must/code/utf8-raw-json"] = 32, // of 32
        ["must/code/utf8-u8-getstring"] = 32, // of 32
        ["must/code/utf8-u8-property"] = 32, // of 32
        ["must/code/verbatim-interpolated-hole"] = 32, // of 32
        ["must/code/warning-directive"] = 32, // of 32
        ["must/code/xml-doc-example"] = 32, // of 32
        ["must/code/xunit-inline-data"] = 32, // of 32
        ["must/file-named/.claude-settings.json-env"] = 12, // of 12
        ["must/file-named/.env-aspnet-double-underscore"] = 12, // of 12
        ["must/file-named/.env-lowercase-name"] = 12, // of 12
        ["must/file-named/.env-plain"] = 12, // of 12
        ["must/file-named/.env.local-export-double-quoted"] = 12, // of 12
        ["must/file-named/.ipynb-output-text"] = 12, // of 12
        ["must/file-named/.ipynb-python-environ"] = 12, // of 12
        ["must/file-named/.runsettings-environment"] = 12, // of 12
        ["must/file-named/.vscode-launch.json-env"] = 12, // of 12
        ["must/file-named/.vscode-settings.json-extension"] = 12, // of 12
        ["must/file/appsettings-split-key-head-tail"] = 32, // of 32
        ["must/file/.resx-split-key-parts"] = 32, // of 32
        ["must/file/.env-split-two-lines"] = 32, // of 32
        ["stretch/file-split/resx-neutral-names"] = 13, // of 32: a key whose format proves itself (marker, checksum)
        ["must/file-named/Dockerfile-env"] = 12, // of 12
        ["must/file-named/appsettings-provider-array-sibling"] = 12, // of 12
        ["must/file-named/appsettings.Development.json-jsonc"] = 12, // of 12
        ["must/file-named/appsettings.json-deep-nesting"] = 12, // of 12
        ["must/file-named/appsettings.json-section"] = 12, // of 12
        ["must/file-named/arm-parameters.json"] = 12, // of 12
        ["must/file-named/azure-pipelines-variables"] = 12, // of 12
        ["must/file-named/bicep-appsettings-name-value"] = 12, // of 12
        ["must/file-named/bicepparam"] = 12, // of 12
        ["must/file-named/cmd-set"] = 12, // of 12
        ["must/file-named/compose-aspnet-double-underscore"] = 12, // of 12
        ["must/file-named/compose.override-environment-map"] = 12, // of 12
        ["must/file-named/csproj.user-environment"] = 12, // of 12
        ["must/file-named/devcontainer.json-containerEnv"] = 12, // of 12
        ["must/file-named/docker-compose-environment-list"] = 12, // of 12
        ["must/file-named/github-workflow-env"] = 12, // of 12
        ["must/file-named/gitlab-ci-variables"] = 12, // of 12
        ["must/file-named/ini-tabs"] = 12, // of 12
        ["must/file-named/k8s-deployment-env-name-value"] = 12, // of 12
        ["must/file-named/k8s-env-value-before-name"] = 12, // of 12
        ["must/file-named/bicep-for-loop-then-provider-block"] = 12, // of 12
        ["must/file-named/k8s-secret-stringData"] = 12, // of 12
        ["must/file-named/launchSettings.json"] = 12, // of 12
        ["must/file-named/local.settings.json-functions"] = 12, // of 12
        ["must/file-named/powershell-env"] = 12, // of 12
        ["must/file-named/samples-.env"] = 12, // of 12
        ["must/file-named/terraform-variable-default"] = 12, // of 12
        ["must/file-named/terraform.tfvars"] = 12, // of 12
        ["must/file-named/tests-appsettings.Test.json"] = 12, // of 12
        ["must/file-named/user-secrets-secrets.json"] = 12, // of 12
        ["must/file/.claude-settings.json-env"] = 32, // of 32
        ["must/file/.cshtml-code-block"] = 32, // of 32
        ["must/file/.csx-script"] = 32, // of 32
        ["must/file/.cursor-mcp.json-headers"] = 32, // of 32
        ["must/file/.dib-csharp"] = 32, // of 32
        ["must/file/.env-aspnet-double-underscore"] = 32, // of 32
        ["must/file/.env-lowercase-name"] = 32, // of 32
        ["must/file/.env-plain"] = 32, // of 32
        ["must/file/.env.local-export-double-quoted"] = 32, // of 32
        ["must/file/.env.production-spaces-single-quotes-comment"] = 32, // of 32
        ["must/file/.http-inline-bearer"] = 32, // of 32
        ["must/file/.http-variable"] = 32, // of 32
        ["must/file/.ipynb-csharp-cell"] = 32, // of 32
        ["must/file/.ipynb-output-text"] = 32, // of 32
        ["must/file/.ipynb-python-environ"] = 32, // of 32
        ["must/file/.mcp.json-args"] = 32, // of 32
        ["must/file/.npmrc-auth-token"] = 32, // of 32
        ["must/file/.razor-code-block"] = 32, // of 32
        ["must/file/.rest-header"] = 32, // of 32
        ["must/file/.resx-data-value"] = 32, // of 32
        ["must/file/.runsettings-environment"] = 32, // of 32
        ["must/file/.vscode-launch.json-env"] = 32, // of 32
        ["must/file/.vscode-mcp.json-env"] = 32, // of 32
        ["must/file/.vscode-settings.json-extension"] = 32, // of 32
        ["must/file/App.config-appSettings"] = 32, // of 32
        ["must/file/App.config-xml-entity-escapes"] = 32, // of 32
        ["must/file/Directory.Build.props-property"] = 32, // of 32
        ["must/file/Dockerfile-arg-default"] = 32, // of 32
        ["must/file/Dockerfile-env"] = 32, // of 32
        ["must/file/Makefile-export"] = 32, // of 32
        ["must/file/README.md-fenced"] = 32, // of 32
        ["must/file/appsettings-provider-array-sibling"] = 32, // of 32
        ["must/file/appsettings.Development.json-jsonc"] = 32, // of 32
        ["must/file/appsettings.json-array-value"] = 32, // of 32
        ["must/file/appsettings.json-deep-nesting"] = 32, // of 32
        ["must/file/appsettings.json-json-unicode-escapes"] = 32, // of 32
        ["must/file/appsettings.json-minified"] = 32, // of 32
        ["must/file/appsettings.json-neutral-name"] = 32, // of 32
        ["must/file/appsettings.json-section"] = 32, // of 32
        ["must/file/appsettings.json-url-query"] = 32, // of 32
        ["must/file/appsettings.json-utf16-bom-crlf"] = 32, // of 32
        ["must/file/arm-parameters.json"] = 32, // of 32
        ["must/file/azure-pipelines-variables"] = 32, // of 32
        ["must/file/bicep-appsettings-name-value"] = 32, // of 32
        ["must/file/bicepparam"] = 32, // of 32
        ["must/file/cmd-set"] = 32, // of 32
        ["must/file/compose-aspnet-double-underscore"] = 32, // of 32
        ["must/file/compose-command-args"] = 32, // of 32
        ["must/file/compose.override-environment-map"] = 32, // of 32
        ["must/file/csproj.user-environment"] = 32, // of 32
        ["must/file/devcontainer.json-containerEnv"] = 32, // of 32
        ["must/file/docker-compose-environment-list"] = 32, // of 32
        ["must/file/github-workflow-env"] = 32, // of 32
        ["must/file/github-workflow-with-input"] = 32, // of 32
        ["must/file/gitlab-ci-variables"] = 32, // of 32
        ["must/file/http-client.env.json"] = 32, // of 32
        ["must/file/http-client.private.env.json"] = 32, // of 32
        ["must/file/ini-tabs"] = 32, // of 32
        ["must/file/k8s-deployment-env-name-value"] = 32, // of 32
        ["must/file/k8s-env-value-before-name"] = 32, // of 32
        ["must/file/bicep-for-loop-then-provider-block"] = 32, // of 32
        ["must/file/k8s-secret-stringData"] = 32, // of 32
        ["must/file/launchSettings.json"] = 32, // of 32
        ["must/file/launchSettings.json-commandLineArgs"] = 32, // of 32
        ["must/file/local.settings.json-functions"] = 32, // of 32
        ["must/file/nuget.config-cleartext-password"] = 32, // of 32
        ["must/file/powershell-env"] = 32, // of 32
        ["must/file/pubxml-property"] = 32, // of 32
        ["must/file/samples-.env"] = 32, // of 32
        ["must/file/shell-git-remote-url"] = 32, // of 32
        ["must/file/terraform-variable-default"] = 32, // of 32
        ["must/file/terraform.tfvars"] = 32, // of 32
        ["must/file/tests-appsettings.Test.json"] = 32, // of 32
        ["must/file/user-secrets-secrets.json"] = 32, // of 32
        ["must/file/workflow-run-curl-header"] = 32, // of 32
        ["must/file/wwwroot-js"] = 32, // of 32
        ["must/file/yaml-double-quoted-escapes"] = 32, // of 32
        ["must/file/yaml-folded-scalar"] = 32, // of 32
        ["possible/.env-billing-api-key"] = 4, // of 4
        ["possible/.http-bearer"] = 4, // of 4
        ["possible/appsettings-billing-apikey"] = 4, // of 4
        ["possible/code-bearer-header"] = 4, // of 4
        ["possible/code-client-secret-property"] = 4, // of 4
        ["possible/code-const-payments-api-key"] = 4, // of 4
        ["possible/docker-compose-secret"] = 4, // of 4
        ["stretch/code/base64-decoded"] = 32, // of 32
        ["stretch/code/caesar-shift"] = 0, // of 32
        ["must/code/char-constants-in-concatenation"] = 25, // of 25 (session 10)
        ["must/code/char-code-hex-casts-array"] = 32, // of 32 (session 10)
        ["must/code/char-offset-from-const-base"] = 32, // of 32 (session 10)
        ["must/code/nameof-head-const-concat"] = 17, // of 17 (session 10: nameof(sk) + "-proj-…" joins the key's head in a constant)
        ["stretch/code/evade-base64url-replace-idiom"] = 32, // of 32 (session 10)
        ["stretch/code/evade-utf16-hex"] = 32, // of 32 (session 10)
        ["stretch/code/evade-byte-array-hex-literals"] = 32, // of 32 (session 10)
        ["stretch/code/evade-base64-const-decoded-by-helper"] = 32, // of 32 (session 10: the literal's bytes decode to a key)
        ["stretch/code/evade-hex-const-decoded-by-helper"] = 32, // of 32 (session 10)
        ["stretch/code/evade-regex-replace-class-with-options"] = 32, // of 32 (session 10)
        ["stretch/file-encoded/k8s-secret-data-base64"] = 31, // of 32 (session 10; bedrock-short: its base64 is past the 512 a named value may be)
        ["stretch/file-encoded/appsettings-base64url-apikey"] = 31, // of 32 (session 10; bedrock-short as above)
        ["stretch/file-encoded/appsettings-base64-json-escaped"] = 31, // of 32 (session 10; bedrock-short as above)
        ["stretch/file-encoded/.env-hex-value"] = 31, // of 32 (session 10; bedrock-short as above)
        ["stretch/file-encoded/yaml-all-hex-escapes"] = 32, // of 32 (session 10)
        ["stretch/file-encoded/.http-basic-auth"] = 0, // of 32 (session 10: "Basic <base64 of user:key>" is not decoded)
        ["stretch/file-encoded/appsettings-utf16-base64"] = 31, // of 32 (session 10; bedrock-short as above)
        ["must/code/char-constant-arithmetic"] = 32, // of 32 (session 10: a constant expression the compiler folds)
        ["stretch/code/collection-expression-field-concat"] = 32, // of 32
        ["stretch/code/concat-of-reversed-halves"] = 32, // of 32
        ["stretch/code/dictionary-values-joined"] = 1, // of 32
        ["stretch/code/evade-html-entities"] = 32, // of 32 (session 9: written as a developer hiding a key would)
        ["stretch/code/evade-regex-replace-junk"] = 32, // of 32 (session 10: Regex.Replace with constant arguments is folded)
        ["stretch/code/evade-split-on-comma-then-join"] = 32, // of 32 (session 9)
        ["stretch/code/evade-stringbuilder-insert-backwards"] = 32, // of 32 (session 9)
        ["stretch/code/evade-utf16-base64"] = 32, // of 32 (session 10: Encoding.Unicode reads two bytes a char)
        ["stretch/code/hex-decoded"] = 32, // of 32
        ["stretch/code/int-codes"] = 32, // of 32
        ["stretch/code/interleaved-decoys"] = 0, // of 32
        ["must/code/nameof-identifier"] = 13, // of 13 (session 10: nameof is a constant)
        ["stretch/code/replace-separator"] = 32, // of 32
        ["stretch/code/reversed-array-reverse"] = 32, // of 32
        ["stretch/code/reversed-linq"] = 32, // of 32
        ["stretch/code/span-slice-to-string"] = 32, // of 32
        ["stretch/code/substring-of-padded"] = 32, // of 32
        ["stretch/code/to-upper-of-lower"] = 3, // of 3
        ["stretch/code/url-unescape"] = 32, // of 32
        ["stretch/code/utf8-byte-array-getstring"] = 32, // of 32
        ["stretch/code/xor-bytes"] = 0, // of 32
        ["stretch/code/zero-width-spaces-removed"] = 32, // of 32
    };

    /// <summary>Traps reported today (case ids). The test fails when one stops firing (remove it) or a new one fires.</summary>
    private static readonly HashSet<string> KnownTrapFailures =
    [
    ];

    private static readonly Lazy<Task<List<TOutcome>>> Run = new(async () =>
    {
        var outcomes = new List<TOutcome>();
        foreach (TCase c in ThirdCases.All())
        {
            outcomes.Add(await ThirdRunner.RunAsync(c));
        }

        return outcomes;
    });

    [Fact]
    public void The_generator_writes_real_fake_keys()
    {
        // CRC-32 check value (CRC catalogue): CRC32("123456789") = 0xCBF43926.
        Assert.Equal(0xCBF43926u, ThirdKeys.Crc32("123456789"));
        var r = new Random(11);
        string gh = ThirdKeys.GitHub(r, 'p');
        Assert.Equal(40, gh.Length);
        Assert.Equal(ThirdKeys.ToBase62(ThirdKeys.Crc32(gh.Substring(4, 30))), gh.Substring(34));
        Assert.NotEqual(ThirdKeys.ToBase62(ThirdKeys.Crc32(gh.Substring(4, 30))), ThirdKeys.GitHubWrongChecksum(new Random(11)).Substring(34));

        // Every random part comes from Body: no run of three equal characters, no three consecutive ones.
        for (int i = 0; i < 2000; i++)
        {
            string b = ThirdKeys.Body(r, 64, ThirdKeys.Url);
            for (int j = 2; j < b.Length; j++)
            {
                Assert.False(b[j] == b[j - 1] && b[j - 1] == b[j - 2], "run in " + b);
                Assert.False(b[j] - b[j - 1] == 1 && b[j - 1] - b[j - 2] == 1, "ascending sequence in " + b);
                Assert.False(b[j - 1] - b[j] == 1 && b[j - 2] - b[j - 1] == 1, "descending sequence in " + b);
            }
        }

        // No key is generated twice.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (ThirdKey f in ThirdKeys.Fixed.Concat(ThirdKeys.Gated))
        {
            for (int i = 0; i < 20; i++)
            {
                Assert.True(seen.Add(f.Make(r)), f.Id + " repeated a key");
            }
        }

        string proj = ThirdKeys.Fixed.Single(f => f.Id == "openai-proj").Make(r);
        Assert.Equal(164, proj.Length);
        Assert.Equal(ThirdKeys.OpenAiMarker, proj.Substring(82, 8));
        Assert.Equal(108, ThirdKeys.Fixed.Single(f => f.Id == "anthropic-api03").Make(r).Length);
        string azure = ThirdKeys.Fixed.Single(f => f.Id == "azure84-openai").Make(r);
        Assert.Equal(84, azure.Length);
        Assert.Equal("JQQJ" + "99", azure.Substring(52, 6));
        Assert.Equal("AC" + "OG", azure.Substring(76, 4));
        Assert.StartsWith("AB" + "SKQmVkcm9ja0FQSUtleS1", ThirdKeys.Fixed.Single(f => f.Id == "bedrock-long").Make(r), StringComparison.Ordinal);
        Assert.StartsWith("bedrock-" + "api-key-YmVkcm9jay5hbWF6b25hd3MuY29t", ThirdKeys.Fixed.Single(f => f.Id == "bedrock-short").Make(r), StringComparison.Ordinal);
        Assert.Matches("^AKIA[A-Z]{16}$", ThirdKeys.Fixed.Single(f => f.Id == "aws-akia-letters").Make(r));
        Assert.Equal(93, ThirdKeys.Fixed.Single(f => f.Id == "github-pat").Make(r).Length);
    }

    [Fact]
    public async Task Every_case_compiles_and_no_analyzer_crashes()
    {
        List<TOutcome> outcomes = await Run.Value;
        var broken = outcomes.Where(o => o.Errors.Length > 0).Select(o => o.Case.Id + ": " + o.Errors[0]).ToList();
        Assert.True(broken.Count == 0, broken.Count + " cases do not compile or crash an analyzer:\n" + string.Join("\n", broken.Take(40)));
    }

    [Fact]
    public async Task Recall_per_class_stays_at_or_above_its_floor_and_only_the_known_traps_fire()
    {
        List<TOutcome> outcomes = await Run.Value;
        string report = Report(outcomes);
        output.WriteLine(report);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "third-corpus-report.txt"), report);

        var failures = new List<string>();
        foreach (var cls in outcomes.Where(o => !o.Case.IsTrap).GroupBy(o => o.Case.Class))
        {
            int found = cls.Count(o => o.Hit == THit.Found);
            if (!Floors.TryGetValue(cls.Key, out int floor))
            {
                failures.Add($"class {cls.Key} has no floor (measured {found}/{cls.Count()})");
            }
            else if (found < floor)
            {
                failures.Add($"class {cls.Key}: {found}/{cls.Count()} found, floor {floor}; missed: " + string.Join(", ", cls.Where(o => o.Hit != THit.Found).Select(o => o.Case.Form).Take(12)));
            }
        }

        foreach (string stale in Floors.Keys.Except(outcomes.Select(o => o.Case.Class)))
        {
            failures.Add("floor for a class that no longer exists: " + stale);
        }

        var firing = outcomes.Where(o => o.TrapFired).Select(o => o.Case.Id).ToHashSet();
        foreach (string id in firing.Except(KnownTrapFailures).OrderBy(x => x, StringComparer.Ordinal))
        {
            failures.Add("trap reported: " + id + " " + string.Join(" ", outcomes.Single(o => o.Case.Id == id).Reported));
        }

        foreach (string id in KnownTrapFailures.Except(firing).OrderBy(x => x, StringComparer.Ordinal))
        {
            failures.Add("known trap failure no longer fires (remove it from KnownTrapFailures): " + id);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures) + "\n\n" + report);
    }

    private static string Pct(int a, int b) => b == 0 ? "-" : ((double)a / b).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Report(List<TOutcome> outcomes)
    {
        var sb = new StringBuilder();
        sb.AppendLine("Third corpus: " + outcomes.Count + " cases; analyzers: " + string.Join(", ", ThirdRunner.AnalyzerNames));
        var positives = outcomes.Where(o => !o.Case.IsTrap).ToList();
        sb.AppendLine();
        sb.AppendLine("group                         found/cases  recall  only-GRD006  elsewhere");
        foreach (var grp in positives.GroupBy(o => string.Join("/", o.Case.Class.Split('/').Take(2))).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Line(sb, grp.Key, grp.ToList());
        }

        Line(sb, "ALL must", positives.Where(o => o.Case.Class.StartsWith("must/", StringComparison.Ordinal)).ToList());
        Line(sb, "ALL stretch", positives.Where(o => o.Case.Class.StartsWith("stretch/", StringComparison.Ordinal)).ToList());
        Line(sb, "ALL possible (GRD006)", positives.Where(o => o.Case.Class.StartsWith("possible/", StringComparison.Ordinal)).ToList());
        var traps = outcomes.Where(o => o.Case.IsTrap).ToList();
        sb.AppendLine($"{"traps reported",-30}{traps.Count(o => o.TrapFired),5}/{traps.Count}");

        foreach (string dim in new[] { "class", "provider form (must)" })
        {
            sb.AppendLine();
            sb.AppendLine("per " + dim + ":");
            var groups = dim == "class"
                ? positives.GroupBy(o => o.Case.Class)
                : positives.Where(o => o.Case.Class.StartsWith("must/", StringComparison.Ordinal)).GroupBy(o => o.Case.Class.Split('/')[1] + "/" + o.Case.Form);
            foreach (var grp in groups.OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                int f = grp.Count(o => o.Hit == THit.Found);
                string missed = f == grp.Count() ? "" : "  missed: " + string.Join(", ", grp.Where(o => o.Hit != THit.Found).Select(o => (dim == "class" ? o.Case.Form : o.Case.Class.Split('/').Last()) + (o.Hit == THit.AsGeneric ? "(6)" : o.Hit == THit.Elsewhere ? "(e)" : "")).Take(12));
                sb.AppendLine($"  {grp.Key,-66}{f,4}/{grp.Count(),-4} {Pct(f, grp.Count()),5}{missed}");
            }
        }

        sb.AppendLine();
        sb.AppendLine("examples of misses (redacted), two per class under 1.00:");
        foreach (var grp in positives.Where(o => o.Hit != THit.Found).GroupBy(o => o.Case.Class).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            foreach (TOutcome o in grp.Take(2))
            {
                string key = ThirdCases.KeyOf.TryGetValue(o.Case.Id, out string? k) ? ThirdCases.Redact(k) : "?";
                sb.AppendLine($"  {o.Case.Id}  {key}  {o.Hit}  {string.Join(" ", o.Reported)}");
            }
        }

        sb.AppendLine();
        sb.AppendLine("traps reported:");
        foreach (TOutcome o in traps.Where(o => o.TrapFired))
        {
            sb.AppendLine("  " + o.Case.Id + "  " + string.Join(" ", o.Reported));
        }

        sb.AppendLine();
        sb.AppendLine("floors (paste into Floors):");
        foreach (var grp in positives.GroupBy(o => o.Case.Class).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            sb.AppendLine($"        [\"{grp.Key}\"] = {grp.Count(o => o.Hit == THit.Found)}, // of {grp.Count()}");
        }

        sb.AppendLine("known trap failures (paste into KnownTrapFailures):");
        foreach (TOutcome o in traps.Where(o => o.TrapFired))
        {
            sb.AppendLine($"        \"{o.Case.Id}\",");
        }

        return sb.ToString();
    }

    private static void Line(StringBuilder sb, string name, List<TOutcome> group)
    {
        int f = group.Count(o => o.Hit == THit.Found);
        sb.AppendLine($"{name,-30}{f,5}/{group.Count,-6} {Pct(f, group.Count),6}  {group.Count(o => o.Hit == THit.AsGeneric),6}  {group.Count(o => o.Hit == THit.Elsewhere),6}");
    }
}
