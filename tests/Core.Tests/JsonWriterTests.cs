using Guardrails.Core.Json;

namespace Guardrails.Core.Tests;

public class JsonWriterTests
{
    [Fact]
    public void Keys_are_written_in_ordinal_order_whatever_the_insertion_order()
    {
        var a = new Dictionary<string, object?> { ["b"] = 1, ["a"] = "x", ["B"] = true, ["c"] = null };
        var b = new Dictionary<string, object?> { ["c"] = null, ["B"] = true, ["a"] = "x", ["b"] = 1 };
        string json = JsonWriter.Write(a);
        Assert.Equal(json, JsonWriter.Write(b));
        Assert.Equal("{\n  \"B\": true,\n  \"a\": \"x\",\n  \"b\": 1,\n  \"c\": null\n}\n", json);
    }

    [Fact]
    public void Nested_arrays_objects_and_empties_round_trip_through_the_reader()
    {
        var value = JsonWriter.Object();
        value["list"] = new List<object?> { 1L, "two", new List<object?>(), JsonWriter.Object(), false };
        value["n"] = -5L;
        JsonNode parsed = JsonReader.Parse(JsonWriter.Write(value), JsonReaderOptions.Strict);
        Assert.Equal(5, parsed["list"]!.Items.Count);
        Assert.Equal("two", parsed["list"]!.Items[1].Text);
        Assert.True(parsed["n"]!.TryGetInt64(out long n) && n == -5);
    }

    [Theory]
    [InlineData("quote\" backslash\\ slash/", "\"quote\\\" backslash\\\\ slash/\"")]
    [InlineData("line\nbreak\r\ttab", "\"line\\nbreak\\r\\ttab\"")]
    [InlineData("\u001b[31mred\u0000", "\"\\u001b[31mred\\u0000\"")]
    [InlineData("sep\u2028arator\u2029", "\"sep\\u2028arator\\u2029\"")]
    [InlineData("emoji \ud83d\ude00 é", "\"emoji \ud83d\ude00 é\"")]
    public void Hostile_strings_are_escaped_and_stay_valid_JSON(string input, string expected)
    {
        string json = JsonWriter.Write(input);
        Assert.Equal(expected + "\n", json);
        Assert.Equal(input, JsonReader.Parse(json, JsonReaderOptions.Strict).Text);
    }

    [Fact]
    public void A_lone_surrogate_is_escaped_not_written_raw()
    {
        string input = "lone" + (char)0xD800 + "surrogate";
        Assert.Equal("\"lone\\ud800surrogate\"\n", JsonWriter.Write(input));
    }
}
