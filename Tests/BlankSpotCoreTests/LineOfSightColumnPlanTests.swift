import Testing
@testable import BlankSpotCore

/// ``LineOfSightColumnPlan`` splits each tower's disc into half-planes and chunks of rays; the
/// chunks must evaluate every cell of the disc once and nothing else.
@Suite struct LineOfSightColumnPlanTests {
    /// Flat ground seen from far above with no earth curvature: every cell within the radius is
    /// visible. Each must be merged exactly once (server count 1), none outside the disc or
    /// twice. Radii whose spans leave a short last chunk, 0 to 3 halvings, towers in the middle,
    /// by an edge and in a corner of a grid that is not square (half-planes clipped by the grid).
    @Test(arguments: [(0, 700.0), (1, 2_000.0), (3, 2_000.0), (3, 4_130.0), (2, 5_555.0)])
    func everyDiscCellIsEvaluatedOnce(halvings: Int, radiusM: Double) {
        let width = 301, height = 233, cellM = 30.0
        let grid = GridGeometry(originXM: 0, originYM: Double(height) * cellM, cellSizeM: cellM, width: width, height: height,
                                crsWKT: TestTerrains.crs)
        let terrain = TerrainRaster(grid: grid, heightsM: [Float](repeating: 5, count: width * height))
        let settings = SweepSettings(radiusM: radiusM, rxHeightM: 1.5, kFactor: 1e9)
        let rCells = radiusM / cellM
        for (col, row) in [(150, 116), (3, 100), (290, 225)] {
            let site = TestTerrains.site(terrain, col: col, row: row, heightM: 1_000)
            let ladder = ReachLadder(settings: settings) {
                LineOfSightColumnPlan(sweep: RadialSweep(terrain: terrain, settings: settings, radiusM: $0), halvings: halvings)
            }
            let grids = CoverageEngine.run(ladder: ladder, sites: [site], threads: 2, servingThreshold: -.greatestFiniteMagnitude,
                                           bestIsNearest: true) { LineOfSightModel(site: $0, settings: settings, cellSizeM: cellM) }
            var wrong = 0
            for r in 0..<height {
                for c in 0..<width {
                    let inside = Double((c - col) * (c - col) + (r - row) * (r - row)) <= rCells * rCells
                    if grids.serverCount[r * width + c] != (inside ? 1 : 0) { wrong += 1 }
                }
            }
            #expect(wrong == 0, "tower (\(col), \(row)), halvings \(halvings), radius \(radiusM) m: \(wrong) cells wrong")
        }
    }

    /// The nesting: three halvings when the innermost band keeps at least 8 steps, fewer on
    /// small discs; the span is s·Rc rounded up to a multiple of 2^halvings and band k ends at
    /// ⌈Rc/2^k⌉.
    @Test func bandsAndSpan() {
        func plan(radiusM: Double, subdivision: Int = 1) -> LineOfSightColumnPlan {
            let terrain = TestTerrains.flat(size: 50, cellM: 30)
            var settings = SweepSettings(radiusM: radiusM)
            settings.raySubdivision = subdivision
            return LineOfSightColumnPlan(sweep: RadialSweep(terrain: terrain, settings: settings))
        }
        let wide = plan(radiusM: 50_000)   // Rc = 1,667
        #expect(wide.span == 1_672 && wide.bandEnds == [1_667, 834, 417, 209])
        let twice = plan(radiusM: 50_000, subdivision: 2)
        #expect(twice.span == 3_336 && twice.bandEnds == wide.bandEnds)
        let small = plan(radiusM: 900)   // Rc = 30: ⌈30/4⌉ = 8 ≥ 8, ⌈30/8⌉ = 4 < 8
        #expect(small.span == 32 && small.bandEnds == [30, 15, 8])
        let tiny = plan(radiusM: 300)   // Rc = 10: no nesting
        #expect(tiny.span == 10 && tiny.bandEnds == [10])
    }
}
