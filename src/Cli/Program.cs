using System.CommandLine;
using Guardrails.Cli.Scan;
using Spectre.Console;

namespace Guardrails.Cli;

/// <summary>The <c>guardrails</c> command. Exit codes: 0 clean (warnings allowed), 1 findings that fail (errors in
/// Enforce mode, an invalid policy, a diff that breaks repositories), 2 the command could not run (bad arguments,
/// missing path, unreadable input).</summary>
public static class Program
{
    public const int Ok = 0;
    public const int Findings = 1;
    public const int Failed = 2;

    public static int Main(string[] args)
    {
        // Before anything else, in the real process only (Run is also the tests' in-process entry, whose host may be profiled
        // for coverage): an environment that injects code into this process voids whatever the gate would print (GRDCL34).
        IReadOnlyList<string> injected = GateEnvironment.CodeInjection(Environment.GetEnvironmentVariables());
        if (injected.Count > 0)
        {
            Console.Error.WriteLine("guardrails: " + GateEnvironment.Code + ": " + GateEnvironment.Message(injected));
            return Failed;
        }

        return Run(args, Console.Out, Console.Error, interactive: !Console.IsErrorRedirected);
    }

    public static int Run(string[] args, TextWriter output, TextWriter error, bool interactive = false)
    {
        var context = new CliContext(output, error, interactive);
        RootCommand root = new("guardrails: AI-assistant governance for .NET repositories without building them.")
        {
            ScanCommand.Create(context),
            InitCommand.Create(context),
            PolicyCommand.Create(context),
            InventoryCommand.Create(context),
            VerifyBuildCommand.Create(context),
        };
        ParseResult parsed = root.Parse(args);
        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
    }

    internal static string Version
    {
        get
        {
            string v = typeof(Program).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
                .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "0.0.0";
            int plus = v.IndexOf('+');
            return plus > 0 ? v[..plus] : v;
        }
    }
}

/// <summary>Where a command writes: the report to <see cref="Out"/>, progress and problems to <see cref="Err"/>.</summary>
internal sealed class CliContext
{
    public CliContext(TextWriter output, TextWriter error, bool interactive)
    {
        Output = output;
        Error = error;
        Interactive = interactive;
        Out = Console(output, interactive && ReferenceEquals(output, System.Console.Out));
        Err = Console(error, interactive);
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    public bool Interactive { get; }

    public IAnsiConsole Out { get; }

    public IAnsiConsole Err { get; }

    private static IAnsiConsole Console(TextWriter writer, bool terminal)
    {
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = 240;
        }

        return console;
    }

    /// <summary>A coded problem on standard error: "guardrails: GRDCLInn: message".</summary>
    public void Problem(string code, string message) => Error.WriteLine("guardrails: " + code + ": " + message);
}
