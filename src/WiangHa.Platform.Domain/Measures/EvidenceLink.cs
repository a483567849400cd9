using WiangHa.Platform.Domain.Tenancy;

namespace WiangHa.Platform.Domain.Measures;

/// <summary>หลักฐาน: where the LAO published something that proves the measure was carried out.</summary>
public sealed class EvidenceLink : ITenantOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid MeasureId { get; set; }
    public int SortOrder { get; set; }
    public required string Url { get; set; }
    /// <summary>Optional: a clerk pasting a link need not name it; pages and documents then show <see cref="Label"/>.</summary>
    public string? Title { get; set; }
    public EvidenceChannel Channel { get; set; }

    /// <summary>What to call a link: its title, else the site it is on ("เว็บไซต์ www.wiangha.go.th"), else the URL itself.</summary>
    public static string Label(string? title, string url) =>
        !string.IsNullOrWhiteSpace(title) ? title
        : Uri.TryCreate(url, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Host) ? $"ลิงก์ที่ {uri.Host}"
        : url;
}

public enum EvidenceChannel
{
    /// <summary>เว็บไซต์</summary>
    Website = 1,

    /// <summary>เฟซบุ๊ก</summary>
    Facebook = 2,

    /// <summary>ไลน์</summary>
    Line = 3,

    /// <summary>บอร์ดประชาสัมพันธ์</summary>
    NoticeBoard = 4,

    /// <summary>อื่น ๆ</summary>
    Other = 5,
}
