using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace WiangHa.Platform.IntegrationTests.Infrastructure;

/// <summary>
/// An HTTP client through the real middleware with a cookie jar, signed in through the real sign-in form
/// (antiforgery included), plus helpers to read pages and post their forms.
/// </summary>
public sealed class BrowserlessClient(HttpClient http)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public HttpClient Http => http;

    public static async Task<BrowserlessClient> SignedInAsync(PlatformFactory factory, TestUser user) =>
        await SignedInAsync(factory, user.Email, TestData.Password);

    public static async Task<BrowserlessClient> SignedInAsync(PlatformFactory factory, string email, string password, string? authenticatorKey = null)
    {
        var client = Anonymous(factory);
        var response = await client.PostFormAsync("/account/sign-in", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        if (response.Headers.Location!.ToString().Contains("/account/sign-in-2fa", StringComparison.Ordinal))
        {
            authenticatorKey.ShouldNotBeNull("this account uses two-factor authentication");
            var second = await client.PostFormAsync("/account/sign-in-2fa", [new("Code", TestSupport.Authenticator.Code(authenticatorKey))]);
            second.StatusCode.ShouldBe(HttpStatusCode.Redirect, await second.Content.ReadAsStringAsync());
        }

        return client;
    }

    public static BrowserlessClient Anonymous(PlatformFactory factory) => new(factory.CreateBrowserClient());

    public async Task<IHtmlDocument> GetPageAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await http.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, html.Length > 2000 ? html[..2000] : html);
        return new HtmlParser().ParseDocument(html);
    }

    /// <summary>GETs the page at <paramref name="url"/> for its antiforgery token, then posts the fields to it.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, IEnumerable<KeyValuePair<string, string>> fields, string? formPageUrl = null)
    {
        var all = fields.ToList();
        if (!all.Exists(f => f.Key == "__RequestVerificationToken"))
        {
            all.Add(new("__RequestVerificationToken", await AntiforgeryTokenAsync(formPageUrl ?? url)));
        }

        return await http.PostAsync(url, new FormUrlEncodedContent(all));
    }

    /// <summary>A token from any page that carries one (the layout's sign-out form does, for signed-in users).</summary>
    public async Task<string> AntiforgeryTokenAsync(string url)
    {
        var response = await http.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            // Pages of other tenants answer 404; borrow the token from a page we can see.
            response = await http.GetAsync("/account/sign-in");
            html = await response.Content.ReadAsStringAsync();
        }

        var document = new HtmlParser().ParseDocument(html);
        var input = document.QuerySelector("input[name=__RequestVerificationToken]") as IHtmlInputElement;
        input.ShouldNotBeNull($"no antiforgery token on {url}");
        return input.Value;
    }

    /// <summary>The values a browser would submit for the first form matching <paramref name="selector"/>.</summary>
    public static List<KeyValuePair<string, string>> FormValues(IHtmlDocument page, string selector = "form[data-testid=measure-form]")
    {
        var form = page.QuerySelector(selector) as IHtmlFormElement;
        form.ShouldNotBeNull($"no form {selector}");
        return FormValues(form);
    }

    /// <summary>The values a browser would submit for <paramref name="form"/> (a file input sends no text).</summary>
    public static List<KeyValuePair<string, string>> FormValues(IHtmlFormElement form)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box when box.IsChecked:
                    values.Add(new(box.Name!, box.Value));
                    break;
                case IHtmlInputElement { Type: "checkbox" or "radio" or "submit" or "file" }:
                    break;
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    values.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    values.Add(new(area.Name!, area.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    values.Add(new(select.Name!, select.Value ?? ""));
                    break;
            }
        }

        return values;
    }

    public async Task<HttpResponseMessage> SendJsonAsync(
        HttpMethod method, string url, object? body = null, string? ifMatch = null, string? idempotencyKey = null, string? ifNoneMatch = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Json);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        return await http.SendAsync(request);
    }

    public static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(Json))!;
}

/// <summary>Sets values in a form's field list (replacing, or adding when absent).</summary>
public static class FormFields
{
    public static List<KeyValuePair<string, string>> With(this List<KeyValuePair<string, string>> fields, string name, string value)
    {
        fields.RemoveAll(f => f.Key == name);
        fields.Add(new(name, value));
        return fields;
    }
}
