using System;
using System.Collections.Generic;
using System.Linq;
using Guardrails.Core.Policy;
using Guardrails.Core.Sdks;

namespace Guardrails.Tests.Shared;

/// <summary>
/// Test shorthand for the typed effective policy: "key=value" lines (mode, policy, owner.name, owner.contact,
/// package.approved, package.denied, endpoint.approved, endpoint.denied, restored=Id|Version|Chain>Ids, any other key a
/// fact) become the JSON document the build task writes; <see cref="Render"/> turns a written document back into such
/// lines, through the contract's own reader, for assertions. Not a product format.
/// </summary>
public static class EffectivePolicyText
{
    public static string Json(string lines)
    {
        if (lines.TrimStart().StartsWith("{", StringComparison.Ordinal))
        {
            return lines;
        }

        var policy = new EffectivePolicy();
        foreach (string raw in lines.Split('\n'))
        {
            string line = raw.Trim();
            int eq = line.IndexOf('=');
            if (line.Length == 0 || line[0] == '#' || eq <= 0)
            {
                continue;
            }

            string key = line.Substring(0, eq);
            string value = line.Substring(eq + 1);
            switch (key)
            {
                case "mode": policy.Mode = value.Equals("Audit", StringComparison.OrdinalIgnoreCase) ? "Audit" : "Enforce"; break;
                case "policy": policy.HasPolicy = value == "true"; break;
                case "owner.name": policy.OwnerName = value; break;
                case "owner.contact": policy.OwnerContact = value; break;
                case "package.approved": policy.ApprovedPackages.Add(new PackageEntry(value, null, null, 0)); break;
                case "package.denied": policy.DeniedPackages.Add(new PackageEntry(value, null, null, 0)); break;
                case "endpoint.approved": policy.ApprovedEndpoints.Add(new HostEntry(value, null, 0)); break;
                case "endpoint.denied": policy.DeniedEndpoints.Add(new HostEntry(value, null, 0)); break;
                case "sdk.custom":
                    string[] f = value.Split('|');
                    static string[] L(string s) => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    policy.CustomSdks.Add(new CustomSdkEntry(new AiSdk(f[0], f[0], f[1].Length == 0 ? f[0] : f[1], L(f[2]), L(f[3]), L(f[4]), L(f[5]), "test", isCustom: true), 0));
                    break;
                default: policy.Add(key, value); break;
            }
        }

        return policy.Write();
    }

    public static string Render(string json)
    {
        EffectivePolicy? p = EffectivePolicy.Read(json, out string? error);
        if (p == null)
        {
            throw new InvalidOperationException(error);
        }

        var lines = new List<string> { "mode=" + p.Mode, "policy=" + (p.HasPolicy ? "true" : "false") };
        lines.AddRange(p.ApprovedPackages.Select(a => "package.approved=" + a.Id));
        lines.AddRange(p.DeniedPackages.Select(a => "package.denied=" + a.Id));
        lines.AddRange(p.ApprovedEndpoints.Select(a => "endpoint.approved=" + a.Host));
        lines.AddRange(p.Facts.Select(f => f.Key + "=" + f.Value));
        return string.Join("\n", lines) + "\n";
    }
}
