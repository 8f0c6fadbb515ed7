using System;

// The key comes from the environment, never from source.
string? apiKey = Environment.GetEnvironmentVariable("OPENAI_API_KEY");
Console.WriteLine(apiKey is null ? "OPENAI_API_KEY is not set." : "OPENAI_API_KEY is set.");
