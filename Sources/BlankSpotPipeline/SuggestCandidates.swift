import BlankSpotCore
import BlankSpotGDAL
import Foundation

/// One place a new tower could stand: a cell of the analysis grid.
struct CandidateLocation: Sendable, Equatable {
    var id: String
    var col: Int
    var row: Int
    /// Cell centre in the analysis CRS, m.
    var xM: Double
    var yM: Double
    var groundM: Double
    /// Position on the candidate lattice (grid candidates), for refining around a chosen site.
    var latticeI: Int
    var latticeJ: Int
}

/// Where candidates may stand: on terrain, inside a village, not on water, outside every
/// exclusion polygon and at least the minimum spacing from every existing tower.
struct CandidateRules {
    let terrain: TerrainRaster
    let villageOwner: GridBuffer<Int32>
    let excluded: [UInt8]?
    let existingXM: [Double]
    let existingYM: [Double]
    let minSpacingM: Double

    /// Why cell `(col, row)` cannot hold a site, or nil when it can.
    func refusal(col: Int, row: Int) -> String? {
        let grid = terrain.grid
        let cell = row * grid.width + col
        if terrain.heightsM[cell].isNaN { return "no terrain height there" }
        if let landCover = terrain.landCover {
            let c = landCover.classes[landCover.classIndex(cell: cell)]
            if c.category == "water" || c.zone == .sea { return "on water (land-cover class \(c.name))" }
        }
        if let excluded, excluded[cell] != 0 { return "inside an exclusion polygon" }
        let x = grid.centreXM(col: col), y = grid.centreYM(row: row)
        let d2 = minSpacingM * minSpacingM
        for k in existingXM.indices {
            let dx = existingXM[k] - x, dy = existingYM[k] - y
            if dx * dx + dy * dy < d2 { return "closer than --min-spacing-km to an existing tower" }
        }
        return nil
    }

    func insideVillage(cell: Int) -> Bool { villageOwner.withUnsafeBufferPointer { $0[cell] >= 0 } }
}

enum SuggestCandidates {
    /// Every lattice point `gridM` apart (aligned with the analysis grid's origin) whose cell
    /// lies inside a village and passes `rules`, row by row from the north-west.
    static func lattice(gridM: Double, rules: CandidateRules) -> [CandidateLocation] {
        let grid = rules.terrain.grid
        let columns = Int((Double(grid.width) * grid.cellSizeM / gridM).rounded(.down))
        let rows = Int((Double(grid.height) * grid.cellSizeM / gridM).rounded(.down))
        var out: [CandidateLocation] = []
        var seen = Set<Int>()
        for j in 0..<max(0, rows) {
            for i in 0..<max(0, columns) {
                let x = grid.originXM + (Double(i) + 0.5) * gridM, y = grid.originYM - (Double(j) + 0.5) * gridM
                guard let c = grid.cell(containingXM: x, yM: y) else { continue }
                let cell = c.row * grid.width + c.col
                guard !seen.contains(cell), rules.insideVillage(cell: cell), rules.refusal(col: c.col, row: c.row) == nil else { continue }
                seen.insert(cell)
                out.append(CandidateLocation(id: "G\(i)_\(j)", col: c.col, row: c.row, xM: grid.centreXM(col: c.col), yM: grid.centreYM(row: c.row),
                                             groundM: Double(rules.terrain.heightM(col: c.col, row: c.row)), latticeI: i, latticeJ: j))
            }
        }
        return out
    }

    /// The offered parcels of `path` (a tower-style CSV or any OGR point layer: lon, lat, id;
    /// other columns are ignored), each in its grid cell. Parcels off the grid or refused by
    /// `rules` are reported through `warn` and left out.
    static func offered(path: String, crs: AnalysisCRS, rules: CandidateRules, warn: (String) -> Void) throws -> [CandidateLocation] {
        let read = try TowerFileReader.read(path: path)
        _ = try read.requireAllGood(file: path)
        let grid = rules.terrain.grid
        let projected = crs.project(lonLat: read.towers.map { ($0.lonDeg, $0.latDeg) })
        var out: [CandidateLocation] = []
        for (t, p) in zip(read.towers, projected) {
            guard let p, let c = grid.cell(containingXM: p.xM, yM: p.yM) else {
                warn("candidate '\(t.id)' (\(t.origin)) left out: outside the coverage grid")
                continue
            }
            if let why = rules.refusal(col: c.col, row: c.row) {
                warn("candidate '\(t.id)' (\(t.origin)) left out: \(why)")
                continue
            }
            out.append(CandidateLocation(id: t.id, col: c.col, row: c.row, xM: grid.centreXM(col: c.col), yM: grid.centreYM(row: c.row),
                                         groundM: Double(rules.terrain.heightM(col: c.col, row: c.row)), latticeI: -1, latticeJ: -1))
        }
        guard !out.isEmpty else {
            throw InputError(file: path, message: "no candidate location is usable (\(read.towers.count) read); expected points on the coverage grid's terrain, on land, outside the exclusions")
        }
        return out
    }

    /// The lattice points every `step` lattice steps (a coarse lattice for a first pass).
    static func thinned(_ all: [CandidateLocation], step: Int) -> [CandidateLocation] {
        step <= 1 ? all : all.filter { $0.latticeI % step == 0 && $0.latticeJ % step == 0 }
    }

    /// The lattice points within `halfWidth` lattice steps of `centre`, every `step` steps.
    static func around(_ centre: CandidateLocation, in all: [CandidateLocation], halfWidth: Int, step: Int) -> [CandidateLocation] {
        all.filter {
            let di = $0.latticeI - centre.latticeI, dj = $0.latticeJ - centre.latticeJ
            return abs(di) <= halfWidth && abs(dj) <= halfWidth && di % step == 0 && dj % step == 0
        }
    }
}
