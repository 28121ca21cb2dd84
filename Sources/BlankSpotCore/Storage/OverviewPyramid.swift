/// Reduced-resolution copies of a raster (GeoTIFF "overviews", what QGIS draws when zoomed out),
/// computed here from the engine's buffers so that the writer never has to read back and
/// decompress the full-resolution raster it has just written.
///
/// Level k halves level k−1 (level 0 is the raster): pixel (i, j) of a level summarises pixels
/// 2i…2i+1 × 2j…2j+1 of the level below, clipped at the edges, so a level's size is
/// ⌈w/2ᵏ⌉ × ⌈h/2ᵏ⌉, the sizes GDAL gives factors 2, 4, 8, …. Levels are added while the
/// larger side of the last one exceeds `tileSize` (GDAL's COG rule for OVERVIEWS=AUTO).
public enum OverviewPyramid {
    /// How a 2×2 block becomes one pixel.
    public enum Rule: Sendable {
        /// The block's lower-right pixel (its centre rounded down-right, clipped): for
        /// identifiers, where no blend means anything.
        case nearest
        /// The most frequent value other than nodata (ties: the first in row order);
        /// nodata when all four are: for classes.
        case mode
        /// The mean of the values other than nodata and nan: for continuous quantities.
        case average
    }

    /// One level: `width × height` values.
    public struct Level<Element: BitwiseCopyable>: Sendable {
        public let width: Int
        public let height: Int
        public let values: GridBuffer<Element>

        @usableFromInline
        init(width: Int, height: Int, values: GridBuffer<Element>) {
            self.width = width
            self.height = height
            self.values = values
        }
    }

    /// How many levels a `width × height` raster gets.
    public static func levelCount(width: Int, height: Int, tileSize: Int = 512) -> Int {
        var side = max(width, height), n = 0
        while side > tileSize {
            side = (side + 1) / 2
            n += 1
        }
        return n
    }

    /// The levels of a raster of classes, identifiers or counts: `.mode` as asked, anything
    /// else `.nearest` (an average of identifiers means nothing). Specialised for the writer's
    /// pixel types, so that each gets its own loop.
    @inlinable
    @_specialize(exported: true, where T == UInt8)
    @_specialize(exported: true, where T == UInt16)
    @_specialize(exported: true, where T == Int16)
    @_specialize(exported: true, where T == Int32)
    public static func levels<T: FixedWidthInteger & BitwiseCopyable>(
        of values: GridBuffer<T>, width: Int, height: Int, rule: Rule, nodata: T?, tileSize: Int = 512, threads: Int
    ) -> [Level<T>] {
        rule == .mode
            ? build(values, width: width, height: height, tileSize: tileSize, threads: threads, combiner: Mode(nodata: nodata))
            : build(values, width: width, height: height, tileSize: tileSize, threads: threads, combiner: Nearest<T>())
    }

    /// The levels of a Float raster, with any rule.
    public static func levels(of values: GridBuffer<Float>, width: Int, height: Int, rule: Rule, nodata: Float?,
                              tileSize: Int = 512, threads: Int) -> [Level<Float>] {
        switch rule {
        case .nearest: build(values, width: width, height: height, tileSize: tileSize, threads: threads, combiner: Nearest<Float>())
        case .mode: build(values, width: width, height: height, tileSize: tileSize, threads: threads, combiner: Mode(nodata: nodata))
        case .average: build(values, width: width, height: height, tileSize: tileSize, threads: threads, combiner: Average(nodata: nodata ?? .nan))
        }
    }

    /// How a 2×2 block (top-left, top-right, bottom-left, bottom-right) becomes one pixel. A
    /// type rather than a closure so that each rule's loop is compiled with the rule inlined
    /// (a closure reached through the worker threads' closure cost an indirect call per pixel).
    @usableFromInline
    protocol Combiner {
        associatedtype Value
        func combine(_ a: Value, _ b: Value, _ c: Value, _ d: Value) -> Value
    }

    /// ``Rule/nearest``: the lower-right pixel.
    @usableFromInline
    struct Nearest<Value>: Combiner {
        @inlinable init() {}
        @inlinable @inline(__always)
        func combine(_ a: Value, _ b: Value, _ c: Value, _ d: Value) -> Value { d }
    }

    /// ``Rule/mode``: the most frequent of the four values that are not `nodata` (ties: the
    /// first in row order); `a` when all four are nodata.
    @usableFromInline
    struct Mode<Value: Equatable>: Combiner {
        @usableFromInline let nodata: Value?
        @inlinable init(nodata: Value?) { self.nodata = nodata }

        @inlinable @inline(__always)
        func combine(_ a: Value, _ b: Value, _ c: Value, _ d: Value) -> Value {
            var best = a, bestCount = 0
            @inline(__always) func consider(_ x: Value) {
                guard x != nodata else { return }
                let count = (x == a ? 1 : 0) + (x == b ? 1 : 0) + (x == c ? 1 : 0) + (x == d ? 1 : 0)
                if count > bestCount { best = x; bestCount = count }
            }
            consider(a)
            consider(b)
            consider(c)
            consider(d)
            return best
        }
    }

    /// ``Rule/average``: the mean of the values other than `nodata` and nan; `nodata` when all
    /// four are.
    @usableFromInline
    struct Average: Combiner {
        @usableFromInline let nodata: Float
        @inlinable init(nodata: Float) { self.nodata = nodata }

        @inlinable @inline(__always)
        func combine(_ a: Float, _ b: Float, _ c: Float, _ d: Float) -> Float {
            var sum: Float = 0, n: Float = 0
            if !a.isNaN && a != nodata { sum += a; n += 1 }
            if !b.isNaN && b != nodata { sum += b; n += 1 }
            if !c.isNaN && c != nodata { sum += c; n += 1 }
            if !d.isNaN && d != nodata { sum += d; n += 1 }
            return n > 0 ? sum / n : nodata
        }
    }

    /// Halves level after level with `combiner`; at an odd edge the missing pixels repeat the
    /// last row or column. Each output row is written once, so a level needs no fill pass.
    @inlinable
    static func build<C: Combiner>(
        _ values: GridBuffer<C.Value>, width: Int, height: Int, tileSize: Int, threads: Int, combiner: C
    ) -> [Level<C.Value>] where C.Value: BitwiseCopyable {
        var levels: [Level<C.Value>] = []
        var source = values, w = width, h = height
        for _ in 0..<levelCount(width: width, height: height, tileSize: tileSize) {
            let w2 = (w + 1) / 2, h2 = (h + 1) / 2
            let src = source.base, sw = w, sh = h
            let target = GridBuffer<C.Value>(uninitializedCount: w2 * h2)
            let out = target.base
            withExtendedLifetime(source) {   // `src` points into it
                ParallelLoop.run(count: h2, threads: threads) { j, _ in
                    halveRow(j, source: src, width: sw, height: sh, into: out + j * w2, outWidth: w2, combiner: combiner)
                }
            }
            levels.append(Level(width: w2, height: h2, values: target))
            source = target
            w = w2
            h = h2
        }
        return levels
    }

    /// Output row `j` of the level above a `width × height` raster at `source`.
    @inlinable @inline(__always)
    static func halveRow<C: Combiner>(_ j: Int, source: UnsafeMutablePointer<C.Value>, width sw: Int, height sh: Int,
                                      into row: UnsafeMutablePointer<C.Value>, outWidth w2: Int, combiner: C) {
        let top = source + 2 * j * sw, bottom = source + min(2 * j + 1, sh - 1) * sw
        // Full 2×2 blocks, then the last column, which repeats when the width is odd.
        let full = sw / 2
        for i in 0..<full {
            row[i] = combiner.combine(top[2 * i], top[2 * i + 1], bottom[2 * i], bottom[2 * i + 1])
        }
        if full < w2 {
            let c = sw - 1
            row[full] = combiner.combine(top[c], top[c], bottom[c], bottom[c])
        }
    }
}
