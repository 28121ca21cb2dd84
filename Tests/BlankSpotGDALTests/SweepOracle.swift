import BlankSpotCore
import BlankSpotGDAL
import Foundation
import TestSupport

/// Shared set-up of the sweep-against-point-to-point tests: one tower on the real SRTM tile,
/// and random cells within its radius with the exact grid profile to each.
struct SweepOracle {
    static let crs = try! AnalysisCRS(userInput: "EPSG:32619")

    let terrain: TerrainRaster
    let site: GridSite
    let radiusM: Double

    init(lon: Double, lat: Double, heightM: Double, frequencyMHz: Double, radiusM: Double) throws {
        let p = Self.crs.project(lonLat: [(lon, lat)])[0]!
        let area = ProjectedExtent(points: [p], marginM: radiusM + 500)!
        (terrain, _) = try TerrainLoader.load(demPaths: [Fixtures.whiteMountainsTile], crs: Self.crs, area: area, resolutionM: 90)
        let cell = terrain.grid.cell(containingXM: p.xM, yM: p.yM)!
        let tower = Tower(id: "T", lonDeg: lon, latDeg: lat, heightM: heightM, eirpDBm: 50, frequencyMHz: frequencyMHz,
                          azimuthDeg: nil, beamwidthDeg: 65, tiltDeg: 0, technology: .lte, origin: "test")
        site = GridSite(index: 0, col: cell.col, row: cell.row, groundM: Double(terrain.heightM(col: cell.col, row: cell.row)),
                        tower: tower, xM: p.xM, yM: p.yM)
        self.radiusM = radiusM
    }

    struct Sample {
        var dCol: Int, dRow: Int
        /// The swept value of the cell.
        var swept: Float
        var profile: GridProfile
    }

    /// `count` random cells at least two cells from the tower, served by it in `grids`, with a
    /// profile free of nodata (SplitMix64, fixed seed: the same cells every run).
    func samples(_ count: Int, from grids: CoverageGrids, seed: UInt64 = 2026) -> [Sample] {
        var rng = SplitMix64(seed: seed)
        var out: [Sample] = []
        let rCells = radiusM / terrain.grid.cellSizeM
        let w = terrain.grid.width
        while out.count < count {
            let dc = Int((rng.nextUnit() * 2 - 1) * rCells), dr = Int((rng.nextUnit() * 2 - 1) * rCells)
            guard max(abs(dc), abs(dr)) >= 2, Double(dc * dc + dr * dr) <= rCells * rCells else { continue }
            let col = site.col + dc, row = site.row + dr
            guard col >= 0, row >= 0, col < w, row < terrain.grid.height else { continue }
            guard grids.bestIndex(at: row * w + col) == 0 else { continue }
            let profile = GridProfile(terrain: terrain, fromCol: site.col, fromRow: site.row, toCol: col, toRow: row)!
            guard !profile.heightsM.contains(where: { $0.isNaN }) else { continue }
            out.append(Sample(dCol: dc, dRow: dr, swept: grids.bestValue![row * w + col], profile: profile))
        }
        return out
    }

    /// Median, 90th, 99th percentile and maximum of |values|, and the share within `tolerance`.
    static func summary(_ values: [Double], tolerance: Double) -> (median: Double, p90: Double, p99: Double, max: Double, within: Double) {
        let a = values.map { Swift.abs($0) }.sorted()
        return (a[a.count / 2], a[a.count * 9 / 10], a[a.count * 99 / 100], a.last!,
                Double(a.filter { $0 <= tolerance }.count) / Double(a.count))
    }
}
