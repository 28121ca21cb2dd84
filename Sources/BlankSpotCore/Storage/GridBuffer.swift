#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A large fixed-size array of plain values for whole-grid results.
///
/// Large buffers are mapped straight from the kernel (Linux `mmap`) on a 2 MiB boundary and
/// marked for transparent huge pages, so a 100-million-cell grid costs a few dozen page faults
/// instead of tens of thousands; such memory arrives zeroed, so a buffer of zeros needs no fill
/// pass. Other fills run in parallel. A reference type: copies share storage (use ``copy()``
/// for an independent one).
public final class GridBuffer<Element: BitwiseCopyable>: @unchecked Sendable, RandomAccessCollection {
    public let count: Int
    @usableFromInline let base: UnsafeMutablePointer<Element>
    /// Length of the kernel mapping holding the elements, bytes; 0 when from malloc.
    private var mappedBytes = 0

    /// `count` elements, each set to `value`, using up to `threads` threads to fill.
    public convenience init(count: Int, repeating value: Element, threads: Int = 1) {
        self.init(uninitializedCount: count)
        let isZero = withUnsafeBytes(of: value) { $0.allSatisfy { $0 == 0 } }
        if isZero && mappedBytes > 0 { return }   // fresh kernel pages are zero
        let chunk = 1 << 20
        let chunks = (count + chunk - 1) / chunk
        let base = self.base
        ParallelLoop.run(count: chunks, threads: threads) { c, _ in
            let start = c * chunk
            (base + start).initialize(repeating: value, count: Swift.min(chunk, count - start))
        }
    }

    /// `count` elements, element i being `element(i)`, computed in parallel chunks on up to
    /// `threads` threads (each element written once: no fill pass before it).
    @inlinable
    public convenience init(count: Int, threads: Int, element: (Int) -> Element) {
        self.init(count: count, threads: threads) { range, elements in
            for i in range { (elements + i).initialize(to: element(i)) }
        }
    }

    /// `count` elements written by `fill(range, elements)` for consecutive ranges of indices,
    /// in parallel on up to `threads` threads; `fill` must initialise `elements[i]` for every i
    /// of its range (`elements` points at element 0). One call per range of 2¹⁸ elements, so
    /// a per-element loop inside `fill` runs without a call per element.
    @inlinable
    public convenience init(count: Int, threads: Int, fill: (Range<Int>, UnsafeMutablePointer<Element>) -> Void) {
        self.init(uninitializedCount: count)
        let chunk = 1 << 18
        let base = self.base
        ParallelLoop.run(count: (count + chunk - 1) / chunk, threads: threads) { c, _ in
            fill((c * chunk)..<Swift.min(count, (c + 1) * chunk), base)
        }
    }

    /// A buffer holding the elements of `array`.
    public convenience init(_ array: [Element]) {
        self.init(uninitializedCount: array.count)
        array.withUnsafeBufferPointer { if let a = $0.baseAddress { base.initialize(from: a, count: array.count) } }
    }

    /// Storage for `count` elements, not yet initialised (plain values need no deinitialisation).
    @usableFromInline
    init(uninitializedCount count: Int) {
        self.count = count
        let bytes = Swift.max(64, count * MemoryLayout<Element>.stride)
        let hugePage = 2 << 20
        let alignment = bytes >= hugePage ? hugePage : 64
        let rounded = (bytes + alignment - 1) / alignment * alignment
        #if os(Linux)
        if alignment == hugePage, let mapped = Self.mapAligned(rounded, alignment: hugePage) {
            HugePageArray.adviseHugePages(mapped, byteCount: rounded)
            base = mapped.bindMemory(to: Element.self, capacity: Swift.max(1, count))
            mappedBytes = rounded
            return
        }
        #endif
        var raw: UnsafeMutableRawPointer?
        guard posix_memalign(&raw, alignment, rounded) == 0, let raw else { fatalError("out of memory: \(bytes) bytes") }
        base = raw.bindMemory(to: Element.self, capacity: Swift.max(1, count))
    }

    #if os(Linux)
    /// `bytes` of fresh zeroed anonymous memory starting on an `alignment` boundary (the
    /// mapping is made larger and trimmed), or nil when the kernel refuses.
    private static func mapAligned(_ bytes: Int, alignment: Int) -> UnsafeMutableRawPointer? {
        let length = bytes + alignment
        guard let raw = mmap(nil, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), raw != MAP_FAILED else {
            return nil
        }
        let start = Int(bitPattern: raw), aligned = (start + alignment - 1) / alignment * alignment
        if aligned > start { munmap(raw, aligned - start) }
        let tail = start + length - (aligned + bytes)
        if tail > 0 { munmap(UnsafeMutableRawPointer(bitPattern: aligned + bytes), tail) }
        return UnsafeMutableRawPointer(bitPattern: aligned)
    }
    #endif

    deinit {
        #if os(Linux)
        if mappedBytes > 0 {
            munmap(base, mappedBytes)
            return
        }
        #endif
        free(base)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    @inlinable
    public subscript(i: Int) -> Element {
        get { base[i] }
        set { base[i] = newValue }
    }

    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    public func withUnsafeMutableBufferPointer<R>(_ body: (UnsafeMutableBufferPointer<Element>) throws -> R) rethrows -> R {
        try body(UnsafeMutableBufferPointer(start: base, count: count))
    }

    public static func == (a: GridBuffer, b: GridBuffer) -> Bool where Element: Equatable {
        a.count == b.count && a.elementsEqual(b)
    }

    /// An independent copy.
    public func copy() -> GridBuffer<Element> {
        let other = GridBuffer(uninitializedCount: count)
        other.base.initialize(from: base, count: count)
        return other
    }
}
