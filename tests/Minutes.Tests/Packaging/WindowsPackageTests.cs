using System.Buffers.Binary;
using System.IO.Compression;

namespace Minutes.Tests.Packaging;

public sealed class WindowsPackageTests(WindowsPackage package) : IClassFixture<WindowsPackage>
{
    private const ushort MachineAmd64 = 0x8664;

    [Fact]
    public void The_windows_zip_holds_minutes_exe_and_the_native_whisper_and_onnx_libraries_for_x64()
    {
        Assert.True(package.ExitCode == 0, package.Log);
        using var zip = ZipFile.OpenRead(package.Zip);
        var top = $"minutes-{package.Version}-win-x64/";

        foreach (var file in new[]
        {
            "minutes.exe", "minutes.dll", "Minutes.Core.dll", "Whisper.net.dll", "coreclr.dll",
            "runtimes/win-x64/whisper.dll", "runtimes/win-x64/ggml-whisper.dll", "runtimes/win-x64/ggml-base-whisper.dll", "runtimes/win-x64/ggml-cpu-whisper.dll",
            "onnxruntime.dll",
        })
        {
            var entry = zip.GetEntry(top + file);
            Assert.True(entry is not null, $"{top}{file} is not in {Path.GetFileName(package.Zip)}");
            if (file.EndsWith(".exe", StringComparison.Ordinal) || file.StartsWith("runtimes/", StringComparison.Ordinal) || file == "onnxruntime.dll")
            {
                Assert.True(PeMachine(entry) == MachineAmd64, $"{file} is not an x64 Windows binary");
            }
        }
    }

    [Fact]
    public void The_windows_zip_carries_no_natives_of_other_platforms()
    {
        Assert.True(package.ExitCode == 0, package.Log);
        using var zip = ZipFile.OpenRead(package.Zip);

        var foreign = zip.Entries
            .Select(e => e.FullName)
            .Where(name => name.EndsWith(".so", StringComparison.Ordinal) || name.EndsWith(".dylib", StringComparison.Ordinal) || name.EndsWith(".lib", StringComparison.Ordinal)
                || name.EndsWith(".pdb", StringComparison.Ordinal)
                || (name.Contains("/runtimes/", StringComparison.Ordinal) && !name.Contains("/runtimes/win-x64/", StringComparison.Ordinal) && !name.EndsWith("/runtimes/", StringComparison.Ordinal)))
            .ToList();

        Assert.Empty(foreign);
        Assert.All(zip.Entries, e => Assert.StartsWith($"minutes-{package.Version}-win-x64/", e.FullName, StringComparison.Ordinal));
    }

    /// <summary>The machine field of a PE file's COFF header (0x8664 for x64), 0 when it is not a PE file.</summary>
    private static ushort PeMachine(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        var head = new byte[4096];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (read < 64 || head[0] != 'M' || head[1] != 'Z')
        {
            return 0;
        }

        var pe = BinaryPrimitives.ReadInt32LittleEndian(head.AsSpan(0x3C));
        return pe > 0 && pe + 6 <= read && head.AsSpan(pe, 4).SequenceEqual("PE\0\0"u8)
            ? BinaryPrimitives.ReadUInt16LittleEndian(head.AsSpan(pe + 4))
            : (ushort)0;
    }
}
