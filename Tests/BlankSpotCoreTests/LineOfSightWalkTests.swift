import Testing
@testable import BlankSpotCore

/// Line of sight has its own walk (``RadialSweep/walkLineOfSight``), leaner than the generic
/// one every radio model goes through. Without nesting (``NestedLineOfSightPlan`` with no
/// halvings: the plain fan, every ray from the tower) both must give the same grids, cell for
/// cell.
@Suite struct LineOfSightWalkTests {
    /// ``LineOfSightRayModel`` behind a different type, so that the sweep takes the generic walk.
    struct GenericLineOfSight: RayProfileModel {
        var inner: LineOfSightRayModel
        mutating func beginRay(stepM: Double) { inner.beginRay(stepM: stepM) }
        mutating func addSample(heightM: Double, distanceM: Double, inverseDistance: Double) {
            inner.addSample(heightM: heightM, distanceM: distanceM, inverseDistance: inverseDistance)
        }
        func ownCellValue(groundM: Double) -> Float { inner.ownCellValue(groundM: groundM) }
        func receiverValue(groundM: Double, distanceM: Double, dCol: Int, dRow: Int, near: NearProfile,
                           irrelevantBelow: Float) -> Float {
            inner.receiverValue(groundM: groundM, distanceM: distanceM, dCol: dCol, dRow: dRow, near: near,
                                irrelevantBelow: irrelevantBelow)
        }
    }

    /// Rugged terrain with a hole of no data; one tower in the middle, one near a corner (rays
    /// cut by the grid), and nine at once (the many-tower path); one and two rays per perimeter
    /// cell.
    @Test(arguments: [1, 2])
    func specialisedWalkEqualsGenericWalk(subdivision: Int) {
        let size = 161
        var terrain = TestTerrains.fractal(size: size, cellM: 30, seed: 5, reliefM: 150, persistence: 0.7)
        var heights = terrain.heightsM
        for r in 40..<48 { for c in 100..<115 { heights[r * size + c] = .nan } }
        terrain = TerrainRaster(grid: terrain.grid, heightsM: heights)
        var settings = SweepSettings(radiusM: 2_200, rxHeightM: 1.5, kFactor: 4.0 / 3.0)
        settings.raySubdivision = subdivision
        let layouts = [
            [TestTerrains.site(terrain, col: 80, row: 80, heightM: 30)],
            [TestTerrains.site(terrain, col: 6, row: 150, heightM: 30)],
            (0..<9).map { TestTerrains.site(terrain, col: 20 + 15 * $0, row: 30 + 12 * $0, heightM: 25, index: $0) },
        ]
        for sites in layouts {
            let fast = CoverageEngine.run(plan: NestedLineOfSightPlan(sweep: RadialSweep(terrain: terrain, settings: settings), halvings: 0),
                                          sites: sites, threads: 2, servingThreshold: -.greatestFiniteMagnitude, bestIsNearest: true) {
                LineOfSightRayModel(site: $0, settings: settings)
            }
            let generic = CoverageEngine.run(terrain: terrain, sites: sites, settings: settings, threads: 2,
                                             servingThreshold: -.greatestFiniteMagnitude, bestIsNearest: true) {
                GenericLineOfSight(inner: LineOfSightRayModel(site: $0, settings: settings))
            }
            #expect(fast.serverCount == generic.serverCount, "\(sites.count) tower(s)")
            #expect(fast.bestIndex == generic.bestIndex, "\(sites.count) tower(s)")
            let served = fast.serverCount.filter { $0 > 0 }.count
            #expect(served > 1_000 && served < size * size * 9 / 10, "served \(served): terrain should both show and hide")
        }
    }
}
