using Guardrails.Core.Policy;
using Guardrails.Core.Sdks;

namespace Guardrails.Core.Tests;

public class PolicyVerdictsTests
{
    private static EffectivePolicy Policy(Action<EffectivePolicy>? fill = null)
    {
        var p = new EffectivePolicy { HasPolicy = true, PolicyFile = "/r/guardrails.policy.json", OwnerName = "AI Governance", OwnerContact = "ai@contoso.example" };
        fill?.Invoke(p);
        return p;
    }

    private static PolicyVerdicts Verdicts(Action<EffectivePolicy>? fill = null) => new PolicyVerdicts(Policy(fill));

    private static AiSdk Sdk(string id)
    {
        Assert.True(AiSdkCatalog.TryGetById(id, out AiSdk sdk));
        return sdk;
    }

    private static RouteEntry Route(string id, string[] packages, params string[] endpoints) =>
        new RouteEntry(id, null, packages.Select(p => new PackageEntry(p, null, null, 0)).ToArray(), endpoints, 9);

    [Fact]
    public void No_policy_or_an_invalid_one_gives_no_evaluator()
    {
        Assert.Null(PolicyVerdicts.From(null));
        Assert.Null(PolicyVerdicts.From(new EffectivePolicy { HasPolicy = false }));
    }

    [Fact]
    public void A_policy_that_approves_nothing_approves_no_sdk_but_neutral_abstractions()
    {
        PolicyVerdicts v = Verdicts();
        Assert.All(AiSdkCatalog.All.Where(s => !s.IsNeutral), s => Assert.False(v.Sdk(s).Passes, s.Id));
        Assert.True(v.Sdk(Sdk("microsoft-extensions-ai-abstractions")).Passes);
        Assert.Equal(Verdict.NotGoverned, v.Package("Newtonsoft.Json", "13.0.3").Verdict);
    }

    [Fact]
    public void Package_patterns_approve_and_deny_and_deny_wins_even_for_neutral_sdks()
    {
        PolicyVerdicts v = Verdicts(p =>
        {
            p.ApprovedPackages.Add(new PackageEntry("Microsoft.SemanticKernel*", null, null, 3));
            p.DeniedPackages.Add(new PackageEntry("Microsoft.SemanticKernel.Connectors.Hugging?ace", null, "no DPA", 4));
            p.DeniedPackages.Add(new PackageEntry("Microsoft.Extensions.AI.Abstractions", null, null, 5));
        });
        Assert.True(v.Sdk(Sdk("semantic-kernel")).Passes);
        Assert.True(v.Sdk(Sdk("semantic-kernel-connectors-openai")).Passes);
        Decision denied = v.Sdk(Sdk("semantic-kernel-connectors-huggingface"));
        Assert.Equal((Verdict.Denied, "GRD003", 4), (denied.Verdict, denied.RuleId, denied.Line));
        Assert.Contains("guardrails.policy.json line 4", denied.Reason);
        Assert.Contains("no DPA", denied.Qualifier());
        Assert.False(v.Sdk(Sdk("microsoft-extensions-ai-abstractions")).Passes);
        Assert.Equal(Verdict.NotApproved, v.Assembly("OpenAI")!.Verdict);
    }

    [Fact]
    public void Versions_are_decided_by_the_recorded_answers_of_the_package_gate()
    {
        PolicyVerdicts v = Verdicts(p =>
        {
            p.ApprovedPackages.Add(new PackageEntry("OpenAI", "[2.1,3.0)", null, 7));
            p.DeniedPackages.Add(new PackageEntry("Anthropic", "[10.0,11.0)", null, 8));
            p.ApprovedPackages.Add(new PackageEntry("Anthropic", null, null, 9));
            p.Packages.Add(new ResolvedPackage("OpenAI", "2.0.0", new[] { "OpenAI" }));
            p.Packages.Add(new ResolvedPackage("Anthropic", "12.0.0", new[] { "Anthropic" }));
            p.RecordVersion("[2.1,3.0)", "2.0.0", false);
            p.RecordVersion("[10.0,11.0)", "12.0.0", false);
        });

        Decision openAi = v.Assembly("OpenAI")!;
        Assert.Equal((Verdict.VersionNotApproved, "GRD003"), (openAi.Verdict, openAi.RuleId));
        Assert.Contains("[2.1,3.0)", openAi.Qualifier());
        Assert.Equal(Verdict.VersionNotApproved, v.Package("OpenAI", "2.0.0").Verdict);

        // A version-scoped deny that the restored version is outside of denies nothing, in both halves.
        Assert.Equal(Verdict.Approved, v.Assembly("Anthropic")!.Verdict);
        Assert.Equal(Verdict.Approved, v.Package("Anthropic", "12.0.0").Verdict);
        Assert.Equal(Verdict.Denied, new PolicyVerdicts(v.Policy, (r, ver) => true).Package("Anthropic", "10.5.0").Verdict);
    }

    [Fact]
    public void A_route_approves_its_packages_carries_what_only_they_bring_and_approves_only_its_own_endpoints()
    {
        PolicyVerdicts v = Verdicts(p =>
        {
            p.Routes.Add(Route("azure-openai", new[] { "Azure.AI.OpenAI" }, "*.openai.azure.com"));
            p.Packages.Add(new ResolvedPackage("Azure.AI.OpenAI", "2.1.0", new[] { "Azure.AI.OpenAI" }));
            p.Packages.Add(new ResolvedPackage("OpenAI", "2.1.0", new[] { "Azure.AI.OpenAI", "OpenAI" }));
        });

        Assert.Equal(Verdict.Approved, v.Package("Azure.AI.OpenAI", "2.1.0", new[] { "Azure.AI.OpenAI" }).Verdict);
        Decision carried = v.Package("OpenAI", "2.1.0", new[] { "Azure.AI.OpenAI", "OpenAI" });
        Assert.Equal((Verdict.AllowedThroughRoute, "azure-openai"), (carried.Verdict, carried.Route!.Id));
        Assert.True(carried.Passes);

        // The same package referenced directly is not carried: the route approves a path, not the base SDK.
        Decision direct = v.Package("OpenAI", "2.1.0", new[] { "OpenAI" });
        Assert.Equal(Verdict.NotApproved, direct.Verdict);
        Assert.Contains("packages.approved", direct.Proposal);

        Decision use = v.Assembly("OpenAI")!;
        Assert.True(use.OnlyThroughRoute);
        Assert.Contains("route 'azure-openai'", use.Qualifier());

        Assert.True(v.Host("contoso.openai.azure.com").Passes);
        Decision publicEndpoint = v.Host("api.openai.com");
        Assert.Equal((Verdict.NotApproved, "OpenAI"), (publicEndpoint.Verdict, publicEndpoint.Provider));
        Assert.Contains("endpoints.approved", publicEndpoint.Proposal);

        // Approving the SDK the route carries would undo the route: its public endpoint is offered the endpoint alone.
        Assert.Equal("add \"api.openai.com\" to endpoints.approved", publicEndpoint.Request);
        Assert.Equal("add \"api.openai.com\" to endpoints.approved (or approve the package OpenAI)", Verdicts().Host("api.openai.com").Request);
    }

    [Fact]
    public void A_waiver_of_GRD004_matches_hosts_in_the_one_endpoint_grammar_exactly_as_an_approval_would()
    {
        DateTimeOffset now = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        string[] patterns = { "api.openai.com", "*.openai.azure.com", "*openai.com", "api.*.com", "*-aiplatform.googleapis.com", "*.mistral.ai", "openai.com" };
        string[] hosts = { "api.openai.com", "contoso.openai.azure.com", "a.b.openai.azure.com", "us-central1-aiplatform.googleapis.com", "codestral.mistral.ai", "api.anthropic.com" };
        foreach (string pattern in patterns)
        {
            PolicyVerdicts approving = Verdicts(p => p.ApprovedEndpoints.Add(new HostEntry(pattern, null, 3)));
            PolicyVerdicts waiving = new PolicyVerdicts(Policy(p => p.Waivers.Add(new WaiverEntry("W", "GRD004", pattern, now.AddDays(5), "li", "pilot", 4))), now: now);
            foreach (string host in hosts)
            {
                Decision waived = waiving.Host(host);
                Assert.True(waived.IsViolation, host);
                Assert.True(approving.Host(host).Passes == waived.IsWaived, pattern + " / " + host);
            }
        }

        // A glob would let "*openai.com" cover api.openai.com; the endpoint grammar (one label per '*' inside a label) does not.
        Assert.False(PolicyVerdicts.SubjectMatches("GRD004", "*openai.com", "api.openai.com"));
        Assert.True(PolicyVerdicts.SubjectMatches("GRD201", "*openai.com", "api.openai.com"));
    }

    [Fact]
    public void A_waived_violation_is_still_a_violation_whose_qualifier_names_the_waiver_and_its_last_day()
    {
        DateTimeOffset now = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        PolicyVerdicts v = new PolicyVerdicts(Policy(p =>
        {
            p.DeniedPackages.Add(new PackageEntry("Anthropic", null, "no DPA", 4));
            p.Waivers.Add(new WaiverEntry("W-A", "GRD202", "Anthropic", new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), "li", "exit plan", 8));
            p.Waivers.Add(new WaiverEntry("W-O", "GRD201", "OpenAI", new DateTimeOffset(2026, 12, 24, 17, 30, 0, TimeSpan.Zero), null, null, 9));
        }), now: now);

        Decision denied = v.Assembly("Anthropic")!;
        Assert.Equal((true, true, true), (denied.IsViolation, denied.IsWaived, denied.Passes));
        Assert.Equal(" (packages.denied 'Anthropic' (guardrails.policy.json line 4): no DPA), waived by 'W-A' (exit plan, approved by li) until 2026-12-31", denied.Qualifier());
        Assert.Equal(", waived by 'W-O' (no reason given) until 2026-12-24 17:30 UTC", v.Package("OpenAI", "2.1.0").Qualifier());
        Assert.Equal(string.Empty, v.Package("Mistral.SDK", "1.0.0").Qualifier());
        Assert.False(v.Package("Mistral.SDK", "1.0.0").IsWaived);
    }

    [Fact]
    public void A_package_brought_by_an_approved_package_proposes_a_route_not_removing_the_approved_one()
    {
        PolicyVerdicts v = Verdicts(p => p.ApprovedPackages.Add(new PackageEntry("Azure.AI.OpenAI", null, null, 3)));
        Decision d = v.Package("OpenAI", "2.1.0", new[] { "Azure.AI.OpenAI", "OpenAI" });
        Assert.Equal(Verdict.NotApproved, d.Verdict);
        Assert.Contains("declare a route", d.Proposal);
        Assert.Contains("'Azure.AI.OpenAI'", d.Proposal);
        Assert.DoesNotContain("remove", d.Proposal, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Waivers_reach_every_rule_they_name_and_a_package_waiver_reaches_the_code_use_until_it_expires()
    {
        DateTimeOffset now = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        EffectivePolicy policy = Policy(p =>
        {
            p.Waivers.Add(new WaiverEntry("W1", "GRD201", "OpenAI", now.AddDays(10), "li", null, 5));
            p.Waivers.Add(new WaiverEntry("W2", "GRD004", "api.anthropic.com", now.AddDays(-1), "li", null, 6));
        });
        var v = new PolicyVerdicts(policy, now: now);

        Assert.Equal("W1", v.Package("OpenAI", "2.1.0").Waiver?.Id);
        Decision use = v.Assembly("OpenAI")!;
        Assert.Equal(("W1", true), (use.Waiver?.Id, use.Passes));
        Assert.Null(v.Host("api.anthropic.com").Waiver);
        Assert.False(new PolicyVerdicts(policy, now: now.AddDays(11)).Assembly("OpenAI")!.Passes);
    }

    [Fact]
    public void What_to_ask_the_owner_is_decided_once_lifting_a_deny_widening_versions_or_approving()
    {
        PolicyVerdicts v = Verdicts(p =>
        {
            p.DeniedPackages.Add(new PackageEntry("Anthropic", null, "no DPA", 4));
            p.ApprovedPackages.Add(new PackageEntry("OpenAI", "[2.1,3.0)", null, 5));
            p.Packages.Add(new ResolvedPackage("OpenAI", "2.0.0", new[] { "OpenAI" }));
            p.RecordVersion("[2.1,3.0)", "2.0.0", false);
            p.DeniedEndpoints.Add(new HostEntry("api.groq.com", null, 6));
        });

        // A deny is lifted or narrowed, never answered by approving what it denies, in the package gate and the code rule alike.
        Assert.Equal("lift or narrow that deny", v.Package("Anthropic", "1.0.0").Request);
        Assert.Equal("lift or narrow that deny", v.Assembly("Anthropic")!.Request);
        Assert.Equal("lift that deny", v.Host("api.groq.com").Request);
        Assert.Equal("widen the versions of packages.approved 'OpenAI' to include 2.0.0", v.Assembly("OpenAI")!.Request);
        Assert.Equal("add { \"id\": \"Mistral.SDK\" } to packages.approved", v.Package("Mistral.SDK", "1.0.0").Request);
    }

    [Fact]
    public void Under_a_policy_that_approves_nothing_an_sdk_a_wrapper_brings_in_is_offered_the_route_through_the_wrapper_in_both_halves()
    {
        PolicyVerdicts v = Verdicts(p =>
        {
            p.Packages.Add(new ResolvedPackage("Azure.AI.OpenAI", "2.1.0", new[] { "Azure.AI.OpenAI" }));
            p.Packages.Add(new ResolvedPackage("OpenAI", "2.1.0", new[] { "Azure.AI.OpenAI", "OpenAI" }));
        });
        const string route = "declare a route in 'routes' whose packages include 'Azure.AI.OpenAI' (such as { \"id\": \"azure-openai\", \"packages\": [ \"Azure.AI.OpenAI\" ] }), so 'OpenAI' 2.1.0 is allowed only through it, or add { \"id\": \"OpenAI\" } to packages.approved";
        Assert.Equal(route, v.Package("OpenAI", "2.1.0", new[] { "Azure.AI.OpenAI", "OpenAI" }).Proposal);
        Assert.Equal(route, v.Assembly("OpenAI")!.Request);

        // The wrapper itself is approved directly; referenced directly, OpenAI is offered no route.
        Assert.Equal("add { \"id\": \"Azure.AI.OpenAI\" } to packages.approved", v.Assembly("Azure.AI.OpenAI")!.Request);
        Assert.Equal("add { \"id\": \"OpenAI\" } to packages.approved", v.Package("OpenAI", "2.1.0", new[] { "OpenAI" }).Request);

        // A wrapper the policy denies is no way through; a package of the same SDK is no wrapper.
        PolicyVerdicts denied = Verdicts(p => p.DeniedPackages.Add(new PackageEntry("Azure.AI.OpenAI", null, null, 3)));
        Assert.DoesNotContain("route", denied.Package("OpenAI", "2.1.0", new[] { "Azure.AI.OpenAI", "OpenAI" }).Request);
        Assert.DoesNotContain("route", Verdicts().Package("Microsoft.SemanticKernel.Abstractions", "1.0.0", new[] { "Microsoft.SemanticKernel", "Microsoft.SemanticKernel.Abstractions" }).Request);
    }

    [Fact]
    public void A_policy_sdk_named_by_namespace_only_is_waived_like_a_package_sdk()
    {
        DateTimeOffset now = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var gateway = new AiSdk("contoso-gateway", "contoso-gateway", "Contoso", Array.Empty<string>(), Array.Empty<string>(), new[] { "Contoso.AI.Gateway" }, Array.Empty<string>(), "test", isCustom: true);
        EffectivePolicy policy = Policy(p =>
        {
            p.CustomSdks.Add(new CustomSdkEntry(gateway, 12));
            p.Waivers.Add(new WaiverEntry("W7", "GRD003", "contoso-*", now.AddDays(10), "li", null, 20));
        });

        Decision waived = new PolicyVerdicts(policy, now: now).Sdk(gateway);
        Assert.Equal((Verdict.NotApproved, "W7", true), (waived.Verdict, waived.Waiver?.Id, waived.Passes));

        Decision expired = new PolicyVerdicts(policy, now: now.AddDays(11)).Sdk(gateway);
        Assert.False(expired.Passes);
        Assert.Equal(12, expired.Line);
        Assert.Contains("waiver of GRD003 for 'contoso-gateway'", expired.Request);
    }

    [Fact]
    public void Endpoint_lists_deny_before_anything_approves()
    {
        PolicyVerdicts v = Verdicts(p =>
        {
            p.ApprovedPackages.Add(new PackageEntry("OpenAI", null, null, 3));
            p.ApprovedEndpoints.Add(new HostEntry("*.openai.azure.com", null, 4));
            p.DeniedEndpoints.Add(new HostEntry("eu.api.openai.com", null, 5));
            p.DeniedEndpoints.Add(new HostEntry("*.deepseek.example", null, 6));
        });
        Assert.True(v.Host("api.openai.com").Passes);
        Assert.Equal(Verdict.Denied, v.Host("eu.api.openai.com").Verdict);
        Decision unknown = v.Host("chat.deepseek.example");
        Assert.Equal((Verdict.Denied, 6), (unknown.Verdict, unknown.Line));
        Assert.Contains("chat.deepseek.example".Substring(5), string.Join(",", v.PolicyHostPatterns()));
        Assert.True(v.Host("contoso.openai.azure.com").Passes);
    }

    [Theory]
    [InlineData("example.com")]
    [InlineData("api.openai.com.evil.example")]
    [InlineData("localhost")]
    public void Unknown_and_look_alike_hosts_are_not_governed(string host)
    {
        Assert.Equal(Verdict.NotGoverned, Verdicts().Host(host).Verdict);
    }

    [Fact]
    public void Providers_without_an_sdk_and_policy_defined_sdks_are_known_hosts()
    {
        Decision groq = Verdicts().Host("api.groq.com");
        Assert.Equal(("Groq", (AiSdk?)null), (groq.Provider, groq.Sdk));
        var gw = new CustomSdkEntry(new AiSdk("gw", "gw", "Contoso Gateway", new[] { "Contoso.Gw" }, new[] { "Contoso.Gw.Client" }, new string[0], new[] { "gw.contoso.example" }, "t", isCustom: true), 1);
        PolicyVerdicts v = Verdicts(p => p.CustomSdks.Add(gw));
        Assert.Equal("Contoso Gateway", v.Host("gw.contoso.example").Provider);
        Assert.True(v.TryGetSdkByAssemblyName("contoso.gw.client", out AiSdk custom));
        Assert.Equal("gw", custom.Id);
        Assert.True(Verdicts(p => { p.CustomSdks.Add(gw); p.ApprovedPackages.Add(new PackageEntry("Contoso.Gw", null, null, 2)); }).Host("gw.contoso.example").Passes);
    }

    [Theory]
    [InlineData("AI Governance", "ai@contoso.example", "AI Governance (ai@contoso.example)")]
    [InlineData(null, "ai@contoso.example", "ai@contoso.example")]
    [InlineData(null, null, "the owner of the AI policy")]
    public void Owner_contact_for_messages(string? name, string? contact, string expected)
    {
        Assert.Equal(expected, new PolicyVerdicts(new EffectivePolicy { HasPolicy = true, OwnerName = name, OwnerContact = contact }).OwnerContact);
    }

    [Theory]
    [InlineData(true, false, "OpenAIClient", true)]
    [InlineData(true, false, "KernelClient", false, "semantic-kernel")]
    [InlineData(true, false, "ChatClient", true)]
    [InlineData(true, false, "OpenAIChatCompletionService", true)]
    [InlineData(true, false, "ChatCompletionOptions", false)]
    [InlineData(false, true, "AddOpenAIChatCompletion", true)]
    [InlineData(false, false, "AddMessage", false)]
    [InlineData(false, true, "Address", false)]
    [InlineData(false, false, "GetChatClient", false)]
    [InlineData(false, true, "AddFromType", false, "semantic-kernel")]
    [InlineData(false, true, "AddOpenAIChatCompletion", true, "semantic-kernel-connectors-openai")]
    public void Own_client_entry_points_exist_only_in_sdks_that_reach_an_endpoint(bool constructor, bool extension, string name, bool expected, string sdk = "openai")
    {
        Assert.Equal(expected, Sdk(sdk).IsOwnClientEntryPoint(constructor, extension, name));
    }

    /// <summary>
    /// Issue 12 route R11: an npm or PyPI AI SDK is judged by its package URL with the same rules as a NuGet id: not
    /// approved by default, approved only by a package URL (a NuGet approval of 'OpenAI' or a 'OpenAI*' glob does not reach
    /// pkg:npm/openai), denied by a deny, a family's packages one by one.
    /// </summary>
    [Fact]
    public void Npm_and_PyPI_sdks_are_judged_by_package_url_and_only_a_package_url_approves_them()
    {
        Assert.Equal(Verdict.NotApproved, Verdicts().Package("pkg:npm/openai", "4.77.0").Verdict);
        Assert.Equal(Verdict.NotApproved, Verdicts().Package("pkg:pypi/anthropic", null).Verdict);
        Assert.Equal(Verdict.NotGoverned, Verdicts().Package("pkg:npm/react", "18.3.1").Verdict);
        Assert.Equal(Verdict.NotGoverned, Verdicts().Package("pkg:pypi/boto3", null).Verdict);

        PolicyVerdicts nugetOnly = Verdicts(p =>
        {
            p.ApprovedPackages.Add(new PackageEntry("OpenAI", null, null, 3));
            p.ApprovedPackages.Add(new PackageEntry("Anthropic*", null, null, 4));
        });
        Assert.Equal(Verdict.NotApproved, nugetOnly.Package("pkg:npm/openai", "4.77.0").Verdict);
        Assert.Equal(Verdict.NotApproved, nugetOnly.Package("pkg:pypi/anthropic", null).Verdict);
        Assert.Equal("add { \"id\": \"pkg:npm/openai\" } to packages.approved", nugetOnly.Package("pkg:npm/openai", "4.77.0").Proposal);

        PolicyVerdicts v = Verdicts(p =>
        {
            p.ApprovedPackages.Add(new PackageEntry("pkg:npm/openai", null, null, 3));
            p.ApprovedPackages.Add(new PackageEntry("pkg:npm/@ai-sdk/openai", null, null, 4));
            p.ApprovedPackages.Add(new PackageEntry("pkg:pypi/langchain", null, null, 5));
            p.DeniedPackages.Add(new PackageEntry("pkg:pypi/litellm", null, "routes keys through a proxy", 6));
        });
        Assert.Equal(Verdict.Approved, v.Package("pkg:npm/openai", "4.77.0").Verdict);
        Assert.Equal(Verdict.Approved, v.Package("pkg:npm/@ai-sdk/openai", null).Verdict);
        Assert.Equal(Verdict.NotApproved, v.Package("pkg:npm/@ai-sdk/anthropic", null).Verdict);
        Assert.Equal(Verdict.NotApproved, v.Package("pkg:npm/ai", null).Verdict);
        Assert.Equal(Verdict.Approved, v.Package("pkg:pypi/langgraph", null).Verdict); // part of the LangChain (Python) entry
        Assert.Equal(Verdict.NotApproved, v.Package("pkg:pypi/langchain-openai", null).Verdict); // a provider package: its own approval
        Decision denied = v.Package("pkg:pypi/litellm", "1.50.0");
        Assert.Equal((Verdict.Denied, "GRD202", 6), (denied.Verdict, denied.RuleId, denied.Line));
    }

    /// <summary>
    /// "Only our own resources": a deny with exceptions. Deny still wins over every approval (the approved SDK lists every
    /// *.openai.azure.com), and the hosts it leaves out are judged as if it were not there — one evaluator, so the
    /// package gate, GRD004 in code and GRD138 in assistant files read the same verdict. The exceptions survive the
    /// effective policy's JSON, which is how the analyzers get them.
    /// </summary>
    [Fact]
    public void A_deny_with_exceptions_leaves_only_the_excepted_hosts_to_the_approvals()
    {
        EffectivePolicy policy = Policy(p =>
        {
            p.ApprovedPackages.Add(new PackageEntry("Azure.AI.OpenAI", null, null, 3));
            p.DeniedEndpoints.Add(new HostEntry("*.openai.azure.com", "only our own resources", 4, new[] { "contoso-*.openai.azure.com" }));
        });
        PolicyVerdicts v = new PolicyVerdicts(EffectivePolicy.Read(policy.Write(), out string? error)!);
        Assert.Null(error);

        Assert.Equal(Verdict.Approved, v.Host("contoso-eastus.openai.azure.com").Verdict);
        Decision other = v.Host("evil.openai.azure.com");
        Assert.Equal(Verdict.Denied, other.Verdict);
        Assert.Contains("only our own resources", other.Reason);
        Assert.Equal(Verdict.Denied, v.Host("contoso.openai.azure.com").Verdict); // "contoso-*" needs the dash
    }
}
