using System.Buffers;
using System.Globalization;
using System.IO.Compression;

namespace WiangHa.Platform.Infrastructure.Common;

/// <summary>An uploaded file refused by an <see cref="UploadBudget"/>; <see cref="Exception.Message"/> is Thai, for the uploader.</summary>
public sealed class UploadBudgetException(string message) : Exception(message);

/// <summary>
/// What an uploaded Office file (a zip) may expand to and how much a reader may take from it. A 10 MB upload can
/// declare gigabytes of XML, and the parsers would build all of it in the shared process's memory: the archive is
/// therefore measured before any parser opens it, and the readers stop at the element and row caps while streaming.
/// </summary>
public sealed class UploadBudget
{
    /// <summary>The budget of the report import and of the operators' ITA manual import.</summary>
    public static UploadBudget OfficeFile { get; } = new();

    /// <summary>All entries together, uncompressed: a report with its pictures is a few MB.</summary>
    public long MaxTotalBytes { get; init; } = 50L * 1024 * 1024;

    public long MaxEntryBytes { get; init; } = 40L * 1024 * 1024;

    public int MaxEntries { get; init; } = 1_000;

    /// <summary>Office XML compresses about 5–20 times; a large entry beyond this is a bomb, not a document.</summary>
    public int MaxRatio { get; init; } = 100;

    /// <summary>Small entries (empty styles, settings) legitimately compress far better, and cost nothing.</summary>
    public long RatioCheckedFromBytes { get; init; } = 1024 * 1024;

    /// <summary>Characters of one XML part the Word reader accepts (OpenXml's own limit, as a second guard).</summary>
    public long MaxCharactersInPart { get; init; } = 40L * 1024 * 1024;

    /// <summary>XML elements of a Word document body: it becomes a DOM, about 200 bytes an element.</summary>
    public int MaxElements { get; init; } = 200_000;

    public int MaxParagraphs { get; init; } = 20_000;

    /// <summary>Rows with data in a table or sheet; a report has tens.</summary>
    public int MaxRows { get; init; } = 5_000;

    /// <summary>Rows of a sheet read at all, empty ones included (a sheet can declare a million empty rows).</summary>
    public int MaxScannedRows { get; init; } = 100_000;

    /// <summary>Wall-clock time for reading one file.</summary>
    public TimeSpan ParseTime { get; init; } = TimeSpan.FromSeconds(10);

    public string TooBigMessage => $"ไฟล์นี้เมื่อคลายการบีบอัดแล้วมีขนาดเกิน {Megabytes(MaxTotalBytes)} MB (หรือมีส่วนใดส่วนหนึ่งเกิน {Megabytes(MaxEntryBytes)} MB) ซึ่งใหญ่เกินกว่าที่ระบบอ่านได้ กรุณาลบรูปภาพหรือเนื้อหาที่ไม่เกี่ยวข้อง หรือแยกไฟล์ก่อนนำเข้า";

    public string TooManyEntriesMessage => $"ไฟล์นี้มีส่วนประกอบภายในเกิน {MaxEntries.ToString("N0", CultureInfo.InvariantCulture)} ส่วน ซึ่งไม่ใช่ลักษณะของเอกสาร Word หรือ Excel ทั่วไป ระบบจึงไม่อ่านไฟล์นี้";

    public string RatioMessage => $"ไฟล์นี้ถูกบีบอัดมากผิดปกติ (ข้อมูลขยายได้เกิน {MaxRatio} เท่า) ลักษณะเหมือนไฟล์ที่ทำขึ้นให้ระบบทำงานหนัก ระบบจึงไม่อ่านไฟล์นี้ กรุณาบันทึกเอกสารใหม่จากโปรแกรม Word หรือ Excel แล้วนำเข้าอีกครั้ง";

    public static string SizeMismatchMessage => "ขนาดข้อมูลภายในไฟล์ไม่ตรงกับที่ไฟล์ระบุไว้ ไฟล์อาจเสียหายหรือถูกดัดแปลง ระบบจึงไม่อ่านไฟล์นี้";

    public string TooManyParagraphsMessage => $"เอกสาร Word นี้มีย่อหน้าเกิน {MaxParagraphs.ToString("N0", CultureInfo.InvariantCulture)} ย่อหน้า แถวตารางเกิน {MaxRows.ToString("N0", CultureInfo.InvariantCulture)} แถว หรือองค์ประกอบเกิน {MaxElements.ToString("N0", CultureInfo.InvariantCulture)} รายการ ซึ่งมากเกินกว่ารายงานทั่วไป กรุณาลบส่วนที่ไม่เกี่ยวข้องหรือแยกไฟล์ก่อนนำเข้า";

    public string TooManyRowsMessage => $"ไฟล์ Excel นี้มีข้อมูลเกิน {MaxRows.ToString("N0", CultureInfo.InvariantCulture)} แถว (หรือมีแถวทั้งหมดเกิน {MaxScannedRows.ToString("N0", CultureInfo.InvariantCulture)} แถว) ซึ่งมากเกินกว่าที่ระบบนำเข้าได้ กรุณาลบแถวที่ไม่เกี่ยวข้องหรือแยกไฟล์ก่อนนำเข้า";

    public string TooSlowMessage => $"ระบบใช้เวลาอ่านไฟล์นี้นานเกิน {ParseTime.TotalSeconds.ToString("N0", CultureInfo.InvariantCulture)} วินาทีจึงหยุดอ่าน กรุณาลดขนาดไฟล์หรือแยกไฟล์ก่อนนำเข้า";

    /// <summary>
    /// Measures the archive from its central directory, then reads every entry once, counting, because the directory
    /// can lie: an entry that yields more than it declared is refused. Nothing is kept; the stream is rewound.
    /// </summary>
    /// <exception cref="UploadBudgetException">Over budget (the message says which limit, in Thai).</exception>
    /// <exception cref="InvalidDataException">Not a readable zip: each reader words that for its own format.</exception>
    public void Check(Stream zip, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(zip);
        var start = zip.Position;
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
            if (archive.Entries.Count > MaxEntries)
            {
                throw new UploadBudgetException(TooManyEntriesMessage);
            }

            long total = 0;
            foreach (var entry in archive.Entries)
            {
                total += entry.Length;
                if (entry.Length > MaxEntryBytes || total > MaxTotalBytes)
                {
                    throw new UploadBudgetException(TooBigMessage);
                }

                if (entry.Length >= RatioCheckedFromBytes && entry.Length > Math.Max(entry.CompressedLength, 1) * MaxRatio)
                {
                    throw new UploadBudgetException(RatioMessage);
                }
            }

            foreach (var entry in archive.Entries)
            {
                using var content = new CountingStream(entry.Open(), entry.Length);
                while (content.Read(buffer) > 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            zip.Position = start;
        }
    }

    private static string Megabytes(long bytes) => (bytes / 1024 / 1024).ToString(CultureInfo.InvariantCulture);

    /// <summary>Throws as soon as more bytes come out than the entry declared.</summary>
    private sealed class CountingStream(Stream inner, long declared) : Stream
    {
        private long read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            read += n;
            if (read > declared)
            {
                throw new UploadBudgetException(SizeMismatchMessage);
            }

            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
