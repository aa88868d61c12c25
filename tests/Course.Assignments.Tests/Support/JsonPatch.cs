using System.Text.Json.Nodes;

namespace Course.Assignments.Tests.Support;

/// <summary>The replace/add/remove operations of RFC 6902, enough to derive broken courses from the demo one.</summary>
internal static class JsonPatch
{
    public static void Apply(JsonNode document, JsonNode operation)
    {
        var path = operation["path"]!.GetValue<string>().Split('/', StringSplitOptions.RemoveEmptyEntries);
        var parent = path[..^1].Aggregate(document, (node, key) => node is JsonArray array ? array[int.Parse(key)]! : node[key]!);
        var last = path[^1];
        var value = operation["value"]?.DeepClone();
        switch (operation["op"]!.GetValue<string>(), parent)
        {
            case ("remove", JsonArray array):
                array.RemoveAt(int.Parse(last));
                break;
            case ("remove", JsonObject obj):
                obj.Remove(last);
                break;
            case (_, JsonArray array):
                array[int.Parse(last)] = value;
                break;
            case (_, JsonObject obj):
                obj[last] = value;
                break;
        }
    }
}
