using Guardrails.Tests.Shared;
using Microsoft.CodeAnalysis;

namespace Guardrails.Analyzers.Tests;

public class ForbiddenLocalSuppressionAnalyzerTests
{
    private const string Forbidden = "mode=Enforce\npolicy=true\nsuppression.allowed=false\n";

    /// <summary>The framework's suppression check inserts `#pragma warning disable GRD005`, which this rule reports (it is
    /// not configurable on purpose), so that one step is skipped.</summary>
    private static Task VerifyAsync(string source, string? effectivePolicy, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected) =>
        Verify<ForbiddenLocalSuppressionAnalyzer>.AnalyzerAsync(
            test =>
            {
                test.TestCode = source;
                test.TestBehaviors |= Microsoft.CodeAnalysis.Testing.TestBehaviors.SkipSuppressionCheck;
                if (effectivePolicy != null)
                {
                    test.TestState.AdditionalFiles.Add(("/obj/guardrails/guardrails.effective-policy.json", Guardrails.Tests.Shared.EffectivePolicyText.Json(effectivePolicy)));
                }
            },
            expected);

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Grd005(int location, string form, string id, DiagnosticSeverity severity = DiagnosticSeverity.Error) =>
        Verify<ForbiddenLocalSuppressionAnalyzer>.Diagnostic("GRD005").WithLocation(location).WithSeverity(severity).WithArguments(form, id);

    [Fact]
    public async Task Pragma_disable_of_Guardrails_ids_is_reported_at_each_id()
    {
        string source = """
            #pragma warning disable CS0168, {|#0:GRD001|}, {|#1:grd003|}
            class C { }
            #pragma warning restore GRD001
            """;
        await VerifyAsync(
            source,
            Forbidden,
            new[] { Grd005(0, "#pragma warning disable", "GRD001"), Grd005(1, "#pragma warning disable", "GRD003") });
    }

    [Fact]
    public async Task SuppressMessage_on_members_types_and_the_assembly_is_reported_including_constants()
    {
        string source = """
            using System.Diagnostics.CodeAnalysis;
            [assembly: SuppressMessage("Guardrails.Secrets", {|#0:"GRD001:AI provider key in C# code"|}, Justification = "fixture")]
            [SuppressMessage("Guardrails.Sdk", {|#1:"GRD003"|})]
            class C
            {
                const string Id = "GRD002";
                [System.Diagnostics.CodeAnalysis.SuppressMessageAttribute("x", {|#2:Id|})]
                void M() { }
                [UnconditionalSuppressMessage("x", {|#3:"GRD004"|})]
                void N() { }
            }
            """;
        await VerifyAsync(
            source,
            Forbidden,
            new[]
            {
                Grd005(0, "[SuppressMessage]", "GRD001"),
                Grd005(1, "[SuppressMessage]", "GRD003"),
                Grd005(2, "[SuppressMessageAttribute]", "GRD002"),
                Grd005(3, "[UnconditionalSuppressMessage]", "GRD004"),
            });
    }

    [Fact]
    public async Task A_pragma_disabling_GRD005_itself_is_reported_at_the_pragma()
    {
        // The directive precedes its own effect, so it cannot hide itself.
        string source = """
            using System.Diagnostics.CodeAnalysis;
            #pragma warning disable {|#0:GRD005|}
            class C { }
            """;
        await VerifyAsync(source, Forbidden, Grd005(0, "#pragma warning disable", "GRD005"));

    }

    [Fact]
    public async Task Analyzer_config_cannot_turn_GRD005_off()
    {
        await Verify<ForbiddenLocalSuppressionAnalyzer>.AnalyzerAsync(
            test =>
            {
                test.TestCode = "#pragma warning disable {|#0:GRD001|}\nclass C { }\n";
                test.TestBehaviors |= Microsoft.CodeAnalysis.Testing.TestBehaviors.SkipSuppressionCheck;
                test.TestState.AdditionalFiles.Add(("/obj/guardrails/guardrails.effective-policy.json", Guardrails.Tests.Shared.EffectivePolicyText.Json(Forbidden)));
                test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ndotnet_diagnostic.GRD005.severity = none\ndotnet_analyzer_diagnostic.category-Guardrails.Integrity.severity = none\n"));
            },
            Grd005(0, "#pragma warning disable", "GRD001"));
    }

    [Fact]
    public async Task Audit_mode_reports_a_warning()
    {
        await VerifyAsync(
            "#pragma warning disable {|#0:GRD001|}\nclass C { }\n",
            "mode=Audit\npolicy=true\nsuppression.allowed=false\n",
            Grd005(0, "#pragma warning disable", "GRD001", DiagnosticSeverity.Warning));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("mode=Enforce\npolicy=false\n")]
    [InlineData("mode=Enforce\npolicy=true\n")]
    [InlineData("mode=Enforce\npolicy=true\nsuppression.allowed=true\n")]
    public async Task Silent_without_a_policy_or_when_the_policy_allows_local_suppression(string? effective)
    {
        string source = """
            using System.Diagnostics.CodeAnalysis;
            #pragma warning disable GRD001
            [SuppressMessage("x", "GRD001")]
            class C { }
            """;
        await VerifyAsync(source, effective);
    }

    [Fact]
    public async Task Other_ids_lookalikes_restore_foreign_attributes_and_waived_ids_are_left_alone()
    {
        string source = """
            #pragma warning disable CS0168, GRDX01, GRD, IDE0051, GRD002
            #pragma warning restore GRD001
            namespace My { class SuppressMessageAttribute : System.Attribute { public SuppressMessageAttribute(string a, string b) { } } }
            [My.SuppressMessage("x", "GRD001")]
            [System.Diagnostics.CodeAnalysis.SuppressMessage("x", "CA2000")]
            [System.Diagnostics.CodeAnalysis.SuppressMessage("x", "GRD002:waived")]
            class C { }
            """;
        await VerifyAsync(source, Forbidden + "suppression.waived=GRD002\n");
    }

    [Fact]
    public async Task A_pragma_really_silences_a_Guardrails_error_which_is_why_it_is_governed()
    {
        // Without GRD005 a `#pragma warning disable GRD001` hides an Enforce-mode error completely.
        string key = FakeKeys.OpenAiProject();
        string source = "#pragma warning disable GRD001\nclass C { const string K = \"" + key + "\"; }\n";
        await Verify<HardcodedKeyInCodeAnalyzer>.AnalyzerAsync(source, effectivePolicy: "mode=Enforce\npolicy=true\n");
    }

    [Fact]
    public async Task A_bare_pragma_disable_and_SuppressMessage_by_name_or_through_an_alias_are_reported()
    {
        string source = """
            using Quiet = System.Diagnostics.CodeAnalysis.SuppressMessageAttribute;
            #pragma warning {|#0:disable|}
            [Quiet("Guardrails.Secrets", {|#1:"GRD001"|})]
            class C
            {
                [System.Diagnostics.CodeAnalysis.SuppressMessage({|#2:checkId: "GRD002"|}, category: "x")]
                void M() { }
                [System.Diagnostics.CodeAnalysis.SuppressMessage(category: "GRD009", {|#3:checkId: "GRD003"|}, Justification = "GRD008")]
                void N() { }
                [System.Obsolete("GRD001", false)]
                void O() { }
            }
            """;
        await VerifyAsync(
            source,
            Forbidden,
            new[]
            {
                Grd005(0, "#pragma warning disable (no ids)", "every Guardrails diagnostic"),
                Grd005(1, "[Quiet]", "GRD001"),
                Grd005(2, "[SuppressMessage]", "GRD002"),
                Grd005(3, "[SuppressMessage]", "GRD003"),
            });
    }

    [Fact]
    public async Task A_bare_pragma_is_left_alone_where_the_policy_allows_local_suppression()
    {
        await VerifyAsync("#pragma warning disable\nclass C { }\n", "mode=Enforce\npolicy=true\nsuppression.allowed=true\n");
    }
}
