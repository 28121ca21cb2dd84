#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Large Swift arrays whose memory the kernel backs with 2 MiB pages where it can.
///
/// A 10-million-cell terrain array is 40 MB. Filled through 4 KiB pages it costs about 10,000
/// page faults, which measured 20 ms for a 3200×2800 grid (the zero fill of
/// `[Float](repeating:count:)` alone). Linux gives huge pages to a mapping only when asked
/// (`transparent_hugepage` is in `madvise` mode on Debian), so the array's storage is
/// advised before anything touches it. Elsewhere this is a plain uninitialised allocation.
public enum HugePageArray {
    /// An array of `count` elements, all of which `initialize` must set (it receives the
    /// uninitialised storage). Plain values only: nothing is deinitialised if it throws.
    public static func make<Element: BitwiseCopyable>(
        count: Int, initialize: (UnsafeMutableBufferPointer<Element>) throws -> Void
    ) rethrows -> [Element] {
        try [Element](unsafeUninitializedCapacity: count) { buffer, initializedCount in
            if let base = buffer.baseAddress {
                adviseHugePages(UnsafeMutableRawPointer(base), byteCount: count * MemoryLayout<Element>.stride)
            }
            try initialize(UnsafeMutableBufferPointer(rebasing: buffer[0..<count]))
            initializedCount = count
        }
    }

    /// Asks for huge pages on the whole 4 KiB pages inside `[start, start + byteCount)` (the
    /// kernel uses them for every 2 MiB-aligned stretch within). A hint: refusal is harmless.
    static func adviseHugePages(_ start: UnsafeMutableRawPointer, byteCount: Int) {
        #if os(Linux)
        let page = 4096
        let first = (Int(bitPattern: start) + page - 1) / page * page
        let end = (Int(bitPattern: start) + byteCount) / page * page
        guard end - first >= 2 << 20, let aligned = UnsafeMutableRawPointer(bitPattern: first) else { return }
        _ = madvise(aligned, end - first, 14 /* MADV_HUGEPAGE */)
        #endif
    }
}
