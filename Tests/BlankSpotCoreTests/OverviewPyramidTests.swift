import BlankSpotCore
import Testing

@Suite struct OverviewPyramidTests {
    /// Level counts follow GDAL's COG rule (halve until the larger side fits one tile), and
    /// level sizes are ⌈w/2ᵏ⌉ × ⌈h/2ᵏ⌉ as GDAL makes them for factors 2, 4, 8.
    @Test func levelSizes() {
        #expect(OverviewPyramid.levelCount(width: 512, height: 300) == 0)
        #expect(OverviewPyramid.levelCount(width: 513, height: 300) == 1)
        #expect(OverviewPyramid.levelCount(width: 2766, height: 3368) == 3)   // 3368 → 1684 → 842 → 421
        let values = GridBuffer<UInt8>(count: 1025 * 3, repeating: 1)
        let levels = OverviewPyramid.levels(of: values, width: 1025, height: 3, rule: .nearest, nodata: nil, threads: 2)
        #expect(levels.map(\.width) == [513, 257])
        #expect(levels.map(\.height) == [2, 1])
    }

    /// Hand-worked 3×3 raster (odd edges: the last column and row stand alone, repeated).
    ///
    ///     1 2 | 5        average of the top-left block: (1 + 2 + 3 + nodata) → 2
    ///     3 N | 6        nearest: the lower-right pixel of each block (clipped)
    ///     ----+--
    ///     7 8 | 9
    @Test func handWorkedBlocks() {
        let nd: Float = -9999
        let v = GridBuffer<Float>([1, 2, 5, 3, nd, 6, 7, 8, 9])
        let average = OverviewPyramid.levels(of: v, width: 3, height: 3, rule: .average, nodata: nd, tileSize: 1, threads: 1)
        #expect(average.count == 2)
        #expect(Array(average[0].values) == [2, 5.5, 7.5, 9])
        #expect(Array(average[1].values) == [6])   // (2 + 5.5 + 7.5 + 9) / 4
        let nearest = OverviewPyramid.levels(of: v, width: 3, height: 3, rule: .nearest, nodata: nd, tileSize: 1, threads: 1)
        #expect(Array(nearest[0].values) == [nd, 6, 8, 9])
        let allNodata = OverviewPyramid.levels(of: GridBuffer<Float>([nd, nd, nd, nd]), width: 2, height: 2, rule: .average,
                                               nodata: nd, tileSize: 1, threads: 1)
        #expect(Array(allNodata[0].values) == [nd])
    }

    /// Mode: the most frequent value other than nodata; ties go to the first in row order;
    /// all-nodata blocks stay nodata. The result does not depend on the thread count.
    @Test func modeOfClasses() {
        let n: UInt8 = 255
        let v = GridBuffer<UInt8>([0, 1, 1, 1, 2, n,
                                   1, 1, 0, 2, n, n,
                                   3, 2, n, n, 0, 1,
                                   3, 2, n, n, 1, 0])
        let one = OverviewPyramid.levels(of: v, width: 6, height: 4, rule: .mode, nodata: n, tileSize: 2, threads: 1)
        #expect(Array(one[0].values) == [1, 1, 2, 3, n, 0])
        let many = OverviewPyramid.levels(of: v, width: 6, height: 4, rule: .mode, nodata: n, tileSize: 2, threads: 3)
        #expect(Array(many[0].values) == Array(one[0].values))
    }
}
