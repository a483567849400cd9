using System.Text.RegularExpressions;

namespace WiangHa.Platform.E2E;

/// <summary>A platform of its own: publishing 2570 would change what the other journeys' dashboards show.</summary>
[CollectionDefinition(Name)]
public sealed class NewSeasonCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "new-season";
}

/// <summary>
/// The ITA 2570 season set up in an afternoon: an operator drafts 2570 from 2569 in the browser, renumbers two items,
/// publishes through the confirmation; the Wiang Ha clerk carries last year's answers over through the mapping.
/// </summary>
[Collection(NewSeasonCollection.Name)]
public sealed class NewSeasonJourney(BrowserFixture fixture)
{
    private static string Shot(string name) => Path.Combine(PlatformProcess.ArtifactsDirectory, name);

    [Fact]
    public async Task Operator_drafts_2570_renumbers_publishes_and_the_clerk_carries_answers_over_after_confirming()
    {
        var op = await fixture.SignedInAsync("operator@platform.demo");
        await op.GotoAsync("/operator/ita-manuals");
        await op.WaitForURLAsync("**/account/security?required=1");
        var key = (await op.Locator("[data-testid=shared-key]").TextContentAsync())!;
        await op.Locator("[data-testid='2fa-code']").FillAsync(TestSupport.Authenticator.Code(key));
        await op.Locator("[data-testid='2fa-enable']").ClickAsync();
        await op.Locator("[data-testid=recovery-codes]").WaitForAsync();

        await op.GotoAsync("/operator/ita-manuals");
        (await op.Locator("[data-testid=version-row][data-year='2570'] [data-testid=version-note]").TextContentAsync())!.ShouldContain("ยังไม่ประกาศโดย ป.ป.ช.");
        await op.ScreenshotAsync(new() { Path = Shot("season-operator-manuals.png"), FullPage = true });

        // Draft 2570 from 2569.
        await op.Locator("[data-testid=draft-from]").SelectOptionAsync("2569");
        await op.Locator("[data-testid=draft-to]").FillAsync("2570");
        await op.Locator("[data-testid=draft-submit]").ClickAsync();
        await op.WaitForURLAsync(new Regex("/operator/ita-manuals/versions/[0-9a-f-]+/edit$"));
        var editUrl = op.Url;

        // Bad input: an empty title is refused with a Thai message beside the field.
        var o24 = op.Locator("[data-testid=draft-item][data-code=O24]");
        await o24.Locator("summary").ClickAsync();
        await o24.Locator("[data-testid=field-title]").FillAsync("");
        await o24.Locator("[data-testid=save-item]").ClickAsync();
        (await op.Locator("[data-testid=item-form][data-code=O24] [data-testid=error-Title]").TextContentAsync())!.ShouldBe("กรอกชื่อข้อ");
        await op.ScreenshotAsync(new() { Path = Shot("season-draft-error.png"), FullPage = true });

        // Renumber two items: O25 → O27, O26 → O28.
        foreach (var (from, to) in new[] { ("O25", "O27"), ("O26", "O28") })
        {
            await op.GotoAsync(editUrl);
            var item = op.Locator($"[data-testid=draft-item][data-code={from}]");
            await item.Locator("summary").ClickAsync();
            await item.Locator("[data-testid=field-code]").FillAsync(to);
            await item.Locator("[data-testid=field-mapping-kind]").SelectOptionAsync("Renumbered");
            await item.Locator("[data-testid=save-item]").ClickAsync();
            await op.Locator($"[data-testid=draft-item][data-code={to}]").WaitForAsync();
        }

        (await op.Locator("[data-testid=draft-item][data-code=O28] [data-testid=mapping-badge]").TextContentAsync())!.ShouldContain("O26");
        await op.ScreenshotAsync(new() { Path = Shot("season-draft-editor.png"), FullPage = true });
        await op.Locator("[data-testid=preview]").ClickAsync();
        (await op.Locator("[data-testid=preview-item][data-code=O28]").CountAsync()).ShouldBe(1);
        await op.ScreenshotAsync(new() { Path = Shot("season-draft-preview.png"), FullPage = true });

        // Publish through the confirmation: it counts the LAOs and lists the renumbered items.
        await op.GotoAsync(editUrl);
        await op.Locator("[data-testid=publish]").ClickAsync();
        await op.WaitForURLAsync("**/publish");
        int.Parse((await op.Locator("[data-testid=lao-count]").TextContentAsync())!.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        (await op.Locator("[data-testid=change][data-change=renumbered][data-old=O25][data-new=O27]").CountAsync()).ShouldBe(1);
        (await op.Locator("[data-testid=change][data-change=renumbered][data-old=O26][data-new=O28]").CountAsync()).ShouldBe(1);
        await op.ScreenshotAsync(new() { Path = Shot("season-publish-confirm.png"), FullPage = true });
        await op.Locator("[data-testid=confirm-publish]").ClickAsync();
        await op.WaitForURLAsync(new Regex("/operator/ita-manuals/versions/[0-9a-f-]+$"));
        (await op.Locator("[data-testid=version-status]").TextContentAsync())!.ShouldContain("เผยแพร่แล้ว");

        // The clerk: 2567 O35 (report item) is proposed as 2570 O28; nothing is stored before confirming.
        var clerk = await fixture.SignedInAsync("clerk@wiangha.demo");
        await clerk.WaitForURLAsync("**/t/wiangha");
        await clerk.GotoAsync("/t/wiangha/compliance?year=2570");
        (await clerk.Locator("[data-testid=item-row][data-code=O28]").TextContentAsync())!.ShouldContain("ยังไม่กรอก");
        await clerk.Locator("[data-testid=carry-over-link]").ClickAsync();
        var proposal = clerk.Locator("[data-testid=proposal][data-to=O28]");
        (await proposal.GetAttributeAsync("data-from")).ShouldBe("O35");
        (await proposal.TextContentAsync())!.ShouldContain("/ita/2567/o35-report");
        await clerk.ScreenshotAsync(new() { Path = Shot("season-carry-proposal.png"), FullPage = true });
        await clerk.GotoAsync("/t/wiangha/compliance?year=2570");
        (await clerk.Locator("[data-testid=item-row][data-code=O28]").TextContentAsync())!.ShouldContain("ยังไม่กรอก");

        await clerk.GotoAsync("/t/wiangha/compliance/carry-over?year=2570");
        await clerk.Locator("[data-testid=confirm-carry]").ClickAsync();
        await clerk.WaitForURLAsync("**/t/wiangha/compliance?year=2570");
        (await clerk.Locator("[data-testid=item-row][data-code=O28]").TextContentAsync())!.ShouldContain("/ita/2567/o35-report");
        await clerk.ScreenshotAsync(new() { Path = Shot("season-carried-checklist.png"), FullPage = true });
    }
}
