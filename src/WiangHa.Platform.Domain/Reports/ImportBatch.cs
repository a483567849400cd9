using WiangHa.Platform.Domain.Tenancy;

namespace WiangHa.Platform.Domain.Reports;

/// <summary>
/// One uploaded report: kept from preview to confirmation (the parsed rows travel in <see cref="RowsJson"/>, so any
/// replica can finish it), and afterwards as the record that makes re-importing the same file a no-op.
/// </summary>
public sealed class ImportBatch : ITenantOwned
{
    public const int FileNameMaxLength = 260;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public required string FileName { get; set; }

    /// <summary>SHA-256 of the file, lower-case hex.</summary>
    public required string FileSha256 { get; set; }

    public ImportFormat Format { get; set; }

    /// <summary>The fiscal year the document states (a suggestion for the clerk).</summary>
    public int? DetectedFiscalYear { get; set; }

    /// <summary>The parsed rows (JSON), exactly as previewed.</summary>
    public required string RowsJson { get; set; }

    public ImportBatchStatus Status { get; set; } = ImportBatchStatus.Previewed;

    /// <summary>The year the measures were created in, once imported.</summary>
    public int? FiscalYear { get; set; }

    public int CreatedCount { get; set; }
    public int SkippedCount { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ImportedAt { get; set; }
}

public enum ImportFormat
{
    /// <summary>Text with tab-separated rows whose cells hold &lt;p&gt; paragraphs (the seed's format).</summary>
    ParagraphText = 1,
    Docx = 2,
    Xlsx = 3,
}

public enum ImportBatchStatus
{
    Previewed = 1,
    Imported = 2,
}
