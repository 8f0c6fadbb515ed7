using System;

// GRD001: a (fake, correctly formatted) OpenAI project key pasted into code.
const string OpenAiKey = "sk-proj-GuardrailsSampleKeyNotRealDoNotUse0000000000000000000000000000000000000000T3BlbkFJGuardrailsSampleKeyNotRealDoNotUse0000000000000000000000000000000000000000";

Console.WriteLine(OpenAiKey.Length);
