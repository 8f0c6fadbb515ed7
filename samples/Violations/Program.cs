using System;

// GRD001: a (fake, correctly formatted) OpenAI project key pasted into code.
const string OpenAiKey = "sk-proj-GuardrailsSampleKeyNotRealDoNotUseGuardrailsSampleKeyNotRealDoNotUseGuardrT3BlbkFJGuardrailsSampleKeyNotRealDoNotUseGuardrailsSampleKeyNotRealDoNotUseGuardr";

Console.WriteLine(OpenAiKey.Length);
