namespace Tijdig.Tikkie.Sandbox.Storage;

internal enum AppCheck
{
    Accepted,
    Unknown,
    BoundToOtherKey,
}

internal sealed partial class SandboxStore
{
    public void RegisterApp(string appToken, string? apiKey) =>
        Execute("INSERT OR IGNORE INTO apps (app_token, api_key) VALUES ($token, $key)", ("$token", appToken), ("$key", apiKey));

    /// <summary>Checks a token against its key, binding an unbound token to the first key that uses it.</summary>
    public AppCheck CheckApp(string appToken, string apiKey)
    {
        // Every API call checks its token; a binding never changes once made, so it is read once.
        if (boundKeys.TryGetValue(appToken, out var boundKey))
        {
            return boundKey == apiKey ? AppCheck.Accepted : AppCheck.BoundToOtherKey;
        }

        lock (gate)
        {
            var rows = Query("SELECT api_key FROM apps WHERE app_token = $token", reader => NullableString(reader, 0), ("$token", appToken));
            if (rows.Count == 0)
            {
                return AppCheck.Unknown;
            }

            if (rows[0] is null)
            {
                Execute("UPDATE apps SET api_key = $key WHERE app_token = $token", ("$token", appToken), ("$key", apiKey));
                boundKeys[appToken] = apiKey;
                return AppCheck.Accepted;
            }

            boundKeys[appToken] = rows[0]!;
            return rows[0] == apiKey ? AppCheck.Accepted : AppCheck.BoundToOtherKey;
        }
    }

    public void SaveSubscription(StoredSubscription subscription) => Execute(
        "INSERT OR REPLACE INTO subscriptions (app_token, subscription_id, url) VALUES ($app, $id, $url)",
        ("$app", subscription.AppToken), ("$id", subscription.SubscriptionId), ("$url", subscription.Url));

    public void DeleteSubscription(string appToken) =>
        Execute("DELETE FROM subscriptions WHERE app_token = $app", ("$app", appToken));

    public StoredSubscription? FindSubscription(string appToken) => Query(
        "SELECT app_token, subscription_id, url FROM subscriptions WHERE app_token = $app",
        reader => new StoredSubscription(reader.GetString(0), reader.GetString(1), reader.GetString(2)),
        ("$app", appToken)).SingleOrDefault();
}
