using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace WiangHa.Platform.Infrastructure.Reports;

/// <summary>Where LibreOffice is and how long a conversion may take (<c>Reports:Pdf</c>).</summary>
public sealed class PdfRenderingOptions
{
    public const string SectionName = "Reports:Pdf";

    /// <summary>The soffice program; empty means "soffice" or "libreoffice" on the PATH. "off" turns PDFs off.</summary>
    public string? LibreOfficePath { get; set; }

    /// <summary>A conversion that takes longer is stopped (the document gets no PDF this time).</summary>
    public int TimeoutSeconds { get; set; } = 60;
}

/// <summary>
/// DOCX → PDF with LibreOffice where it is installed (no .NET library lays out DOCX with Thai shaping): one conversion
/// at a time, each in its own temporary folder with its own LibreOffice profile, stopped after the timeout. PDFs are
/// kept in memory by the DOCX's content (a published document unchanged since is not converted again).
/// </summary>
public sealed partial class LibreOfficePdfRenderer(IOptions<PdfRenderingOptions> options, ILogger<LibreOfficePdfRenderer> logger) : IDisposable
{
    private readonly Lazy<string?> _program = new(() => Find(options.Value.LibreOfficePath));
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 64L * 1024 * 1024 });

    /// <summary>False when LibreOffice is not installed (or turned off): no PDF is offered.</summary>
    public bool IsAvailable => _program.Value is not null;

    /// <summary>The PDF of the DOCX, or null when LibreOffice is absent, fails or runs out of time.</summary>
    /// <param name="thaiNumerals">
    /// The document writes Thai digits: LibreOffice then shows digits in the language of their text (its "context"
    /// numerals), which is how its page numbers come out in Thai digits (it has no thaiNumbers page-number format).
    /// </param>
    public async Task<byte[]?> RenderAsync(byte[] docx, bool thaiNumerals, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(docx);
        if (_program.Value is not { } program)
        {
            return null;
        }

        var key = ContentKey(docx) + (thaiNumerals ? "-th" : "");
        if (_cache.TryGetValue(key, out byte[]? cached))
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_cache.TryGetValue(key, out cached))
            {
                return cached;
            }

            var pdf = await ConvertAsync(program, docx, thaiNumerals, cancellationToken);
            if (pdf is not null)
            {
                _cache.Set(key, pdf, new MemoryCacheEntryOptions { Size = pdf.Length, SlidingExpiration = TimeSpan.FromHours(6) });
            }

            return pdf;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<byte[]?> ConvertAsync(string program, byte[] docx, bool thaiNumerals, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("wiangha-pdf-").FullName;
        try
        {
            var user = Directory.CreateDirectory(Path.Combine(folder, "profile", "user")).FullName;
            await File.WriteAllTextAsync(Path.Combine(user, "registrymodifications.xcu"), Profile(thaiNumerals), cancellationToken);
            var input = Path.Combine(folder, "document.docx");
            await File.WriteAllBytesAsync(input, docx, cancellationToken);
            var start = new ProcessStartInfo(program)
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = folder,
            };
            foreach (var argument in new[]
            {
                "-env:UserInstallation=" + new Uri(Path.Combine(folder, "profile")).AbsoluteUri, "--headless", "--norestore", "--nolockcheck",
                "--convert-to", "pdf", "--outdir", folder, input,
            })
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["HOME"] = folder;
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                cancellationToken.ThrowIfCancellationRequested();
                LogTimeout(logger, options.Value.TimeoutSeconds);
                return null;
            }

            var pdf = Path.Combine(folder, "document.pdf");
            if (process.ExitCode != 0 || !File.Exists(pdf))
            {
                LogFailed(logger, process.ExitCode, await output, await error);
                return null;
            }

            return await File.ReadAllBytesAsync(pdf, cancellationToken);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
        {
            LogFailed(logger, -1, "", e.Message);
            return null;
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A process still holding a file: the temp folder is cleaned by the system instead.
            }
        }
    }

    /// <summary>The profile's settings: numerals by the text's language (3, "context") or always Arabic (0).</summary>
    private static string Profile(bool thaiNumerals) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
        <item oor:path="/org.openoffice.Office.Common/I18N/CTL"><prop oor:name="CTLTextNumerals" oor:op="fuse"><value>{(thaiNumerals ? 3 : 0)}</value></prop></item>
        </oor:items>
        """;

    /// <summary>
    /// The DOCX's parts by name and content, without the zip's timestamps: two writes of the same document get the same
    /// key (a changed report date, measure or setting gives another).
    /// </summary>
    public static string ContentKey(byte[] docx)
    {
        ArgumentNullException.ThrowIfNull(docx);
        using var zip = new ZipArchive(new MemoryStream(docx, writable: false), ZipArchiveMode.Read);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var entry in zip.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(entry.FullName + "\n"));
            using var content = entry.Open();
            var buffer = new byte[81920];
            int read;
            while ((read = content.Read(buffer, 0, buffer.Length)) > 0)
            {
                hash.AppendData(buffer, 0, read);
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static string? Find(string? configured)
    {
        if (string.Equals(configured, "off", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => new[] { "soffice", "libreoffice" }.Select(name => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
    }

    public void Dispose()
    {
        _gate.Dispose();
        _cache.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "LibreOffice did not convert the document to PDF within {Seconds} s")]
    private static partial void LogTimeout(ILogger logger, int seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LibreOffice could not convert the document to PDF (exit {ExitCode}): {Output} {Error}")]
    private static partial void LogFailed(ILogger logger, int exitCode, string output, string error);
}
