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
        let useMode = rule == .mode
        return build(values, width: width, height: height, tileSize: tileSize, threads: threads) { a, b, c, d in
            useMode ? mode(a, b, c, d, nodata: nodata) : d
        }
    }

    /// The levels of a Float raster, with any rule.
    public static func levels(of values: GridBuffer<Float>, width: Int, height: Int, rule: Rule, nodata: Float?,
                              tileSize: Int = 512, threads: Int) -> [Level<Float>] {
        let nd = nodata ?? .nan
        return build(values, width: width, height: height, tileSize: tileSize, threads: threads) { a, b, c, d in
            switch rule {
            case .nearest: return d
            case .mode: return mode(a, b, c, d, nodata: nodata)
            case .average:
                var sum: Float = 0, n: Float = 0
                if !a.isNaN && a != nd { sum += a; n += 1 }
                if !b.isNaN && b != nd { sum += b; n += 1 }
                if !c.isNaN && c != nd { sum += c; n += 1 }
                if !d.isNaN && d != nd { sum += d; n += 1 }
                return n > 0 ? sum / n : nd
            }
        }
    }

    /// The most frequent of four values that are not `nodata` (ties: the first in row order);
    /// `a` when all four are nodata.
    @inlinable @inline(__always)
    static func mode<T: Equatable>(_ a: T, _ b: T, _ c: T, _ d: T, nodata: T?) -> T {
        var best = a, bestCount = 0
        @inline(__always) func consider(_ x: T) {
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

    /// Halves level after level with `combine(top-left, top-right, bottom-left, bottom-right)`;
    /// at an odd edge the missing pixels repeat the last row or column.
    @inlinable @inline(__always)
    static func build<T: BitwiseCopyable>(
        _ values: GridBuffer<T>, width: Int, height: Int, tileSize: Int, threads: Int, combine: (T, T, T, T) -> T
    ) -> [Level<T>] {
        var levels: [Level<T>] = []
        var source = values, w = width, h = height
        for _ in 0..<levelCount(width: width, height: height, tileSize: tileSize) {
            let w2 = (w + 1) / 2, h2 = (h + 1) / 2
            let target = GridBuffer<T>(count: w2 * h2, repeating: values[0])
            let src = source, sw = w, sh = h
            ParallelLoop.run(count: h2, threads: threads) { j, _ in
                let r0 = 2 * j * sw, r1 = min(2 * j + 1, sh - 1) * sw
                for i in 0..<w2 {
                    let c0 = 2 * i, c1 = min(2 * i + 1, sw - 1)
                    target[j * w2 + i] = combine(src[r0 + c0], src[r0 + c1], src[r1 + c0], src[r1 + c1])
                }
            }
            levels.append(Level(width: w2, height: h2, values: target))
            source = target
            w = w2
            h = h2
        }
        return levels
    }
}
