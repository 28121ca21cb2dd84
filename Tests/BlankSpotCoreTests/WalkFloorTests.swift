import Foundation
import Testing
@testable import BlankSpotCore

/// ``P1812WalkFloor`` is what the benchmark suite times as the floor of a P.1812 run: the same
/// sweep without the per-cell loss. It is a floor only if it walks the same rays to the same
/// cells, so the oracle is the P.1812 run itself: both must reach exactly the same cells, one
/// tower alone (rays split between threads) and several towers at once (footprints merged).
@Suite struct WalkFloorTests {
    /// 240 cells of 90 m, the towers' reach (about 8.4 km at 0 dBm EIRP, 900 MHz, −110 dBm)
    /// shorter than the radius, so that the floor must also stop its rays where P.1812 does.
    let terrain = TestTerrains.fractal(size: 240, cellM: 90, seed: 12, reliefM: 150, persistence: 0.6)
    let settings = SweepSettings(radiusM: 12_000, rxHeightM: 1.5)
    let p1812 = P1812AreaSettings(frequencyGHz: 0.9, rxHeightM: 1.5, deltaN: TropicalDefaults.deltaN, n0: TropicalDefaults.n0)

    func reachedCells(_ grids: CoverageGrids) -> [Bool] { (0..<grids.grid.cellCount).map { grids.bestTower[$0] > 0 } }

    /// Cells one run reached and the other did not.
    func differingCells(_ a: CoverageGrids, _ b: CoverageGrids) -> Int { zip(reachedCells(a), reachedCells(b)).filter { $0 != $1 }.count }

    @Test func oneTowerReachesTheCellsOfItsP1812Run() {
        let site = TestTerrains.site(terrain, col: 120, row: 120, heightM: 30)
        let model = CoverageModel.signal(.p1812(p1812), ServiceThresholds())
        let p1812Run = CoverageEngine.run(terrain: terrain, sites: [site], settings: settings, model: model, threads: 2)
        let floor = P1812WalkFloor.run(terrain: terrain, sites: [site], settings: settings, p1812: p1812,
                                       thresholds: ServiceThresholds(), threads: 2)
        let reached = reachedCells(p1812Run)
        // The disc of the reach, not of the radius (π·120² ≈ 45,000 cells inside the grid).
        let reachCells = LinkBudget(site: site, thresholds: ServiceThresholds()).freeSpaceReachM(frequencyGHz: 0.9) / 90
        #expect(abs(Double(reached.filter { $0 }.count) / (Double.pi * reachCells * reachCells) - 1) < 0.02)
        #expect(differingCells(floor, p1812Run) == 0)
        // The floor computes no loss: its value is the stand-in from height and distance.
        let col = 150, row = 100, cell = row * terrain.grid.width + col
        let distanceM = (Double((col - 120) * (col - 120) + (row - 120) * (row - 120))).squareRoot() * 90
        #expect(floor.bestValue![cell] == Float(0.01 * Double(terrain.heightM(col: col, row: row)) - 0.001 * distanceM))
        #expect(floor.bestValue![cell] != p1812Run.bestValue![cell])
    }

    @Test(arguments: [1, 2])
    func severalTowersReachTheCellsOfTheirP1812Run(threads: Int) {
        let sites = [(60, 70), (170, 90), (120, 180), (200, 200)].enumerated().map { i, cr in
            TestTerrains.site(terrain, col: cr.0, row: cr.1, heightM: 25, index: i)
        }
        let model = CoverageModel.signal(.p1812(p1812), ServiceThresholds())
        let p1812Run = CoverageEngine.run(terrain: terrain, sites: sites, settings: settings, model: model, threads: threads)
        let floor = P1812WalkFloor.run(terrain: terrain, sites: sites, settings: settings, p1812: p1812,
                                       thresholds: ServiceThresholds(), threads: threads)
        #expect(differingCells(floor, p1812Run) == 0)
    }
}
