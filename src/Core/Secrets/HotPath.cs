using System.Runtime.CompilerServices;

namespace Guardrails.Core.Secrets
{
    /// <summary>
    /// <c>[MethodImpl(HotPath.Optimized)]</c>: the JIT compiles the method fully optimized at its first call instead of
    /// starting it unoptimized (tier 0, loops through on-stack replacement) and promoting it later. The analyzers run once
    /// per build over every file, and the runtime promotes a method only after a quiet spell with no new methods being
    /// compiled, which never comes while the compiler is working: on the default shape GRD001's first pass took 372–445 ms
    /// of thread CPU against ~75 ms once warm, and 238–263 ms with this (benchmarks/README.md, session 13). Only the methods
    /// that read every character of every file, or run once per literal, carry it. <c>MethodImplOptions.AggressiveOptimization</c>
    /// (512) is not in netstandard2.0's enum; the runtime reads the flag from the metadata all the same.
    /// </summary>
    public static class HotPath
    {
        public const MethodImplOptions Optimized = (MethodImplOptions)512;
    }
}
