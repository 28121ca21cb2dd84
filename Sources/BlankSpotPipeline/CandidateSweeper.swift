import BlankSpotCore
import BlankSpotGDAL
import Foundation

/// Sweeps candidate sites (location × tower height) as new towers of the coverage run and
/// keeps, per candidate, the demand elements it would serve. Each (cell, height) is swept once,
/// however many passes ask for it.
final class CandidateSweeper {
    let request: SuggestRequest
    let terrain: TerrainRaster
    let demand: SuggestDemand
    /// The new site's tower per offered height.
    let templates: [Tower]
    /// best_server.tif numbering continues after the coverage run's towers.
    let firstIndex: Int
    let crs: AnalysisCRS
    /// (cell · heights + height) → the elements served, ascending.
    private var served: [Int: [Int32]] = [:]
    /// (cell) → the tower as it would be written to a tower file (position rounded as written).
    private var towerAt: [Int: (lonDeg: Double, latDeg: Double, xM: Double, yM: Double)] = [:]
    private var validated = false

    init(request: SuggestRequest, terrain: TerrainRaster, demand: SuggestDemand, templates: [Tower], firstIndex: Int, crs: AnalysisCRS) {
        self.request = request
        self.terrain = terrain
        self.demand = demand
        self.templates = templates
        self.firstIndex = firstIndex
        self.crs = crs
    }

    /// Candidate sweeps made so far.
    var sweeps: Int { served.count }

    private func key(_ l: CandidateLocation, _ h: Int) -> Int { (l.row * terrain.grid.width + l.col) * templates.count + h }

    /// Candidate `c` of a problem built from `locations` is location c / heights, height c % heights.
    func locationOf(candidate c: Int) -> Int { c / templates.count }
    func heightOf(candidate c: Int) -> Int { c % templates.count }

    /// The position a new site at `l` is written with (7 decimals of a degree, as in towers.csv)
    /// and swept from, so that a run on the written tower file sees the very same tower.
    func position(_ l: CandidateLocation) -> (lonDeg: Double, latDeg: Double, xM: Double, yM: Double) {
        let cell = l.row * terrain.grid.width + l.col
        if let p = towerAt[cell] { return p }
        let ll = crs.unproject(points: [(l.xM, l.yM)])[0] ?? (lonDeg: .nan, latDeg: .nan)
        let lon = Double(CSVWriter.number(ll.lonDeg, decimals: 7)) ?? ll.lonDeg
        let lat = Double(CSVWriter.number(ll.latDeg, decimals: 7)) ?? ll.latDeg
        let xy = crs.project(lonLat: [(lon, lat)])[0] ?? (xM: l.xM, yM: l.yM)
        let p = (lonDeg: lon, latDeg: lat, xM: xy.xM, yM: xy.yM)
        towerAt[cell] = p
        return p
    }

    /// The tower of candidate height `h` at `l`.
    func tower(_ l: CandidateLocation, height h: Int, id: String) -> Tower {
        var t = templates[h]
        let p = position(l)
        t.id = id
        t.lonDeg = p.lonDeg
        t.latDeg = p.latDeg
        return t
    }

    /// Sweeps every (location, height) of `locations` not swept yet.
    func sweep(_ locations: [CandidateLocation], progress: ProgressReporter?, log: (String) -> Void = { _ in }) throws {
        var missing: [(CandidateLocation, Int)] = []
        var queued = Set<Int>()
        for l in locations {
            for h in templates.indices where served[key(l, h)] == nil && !queued.contains(key(l, h)) {
                queued.insert(key(l, h))
                missing.append((l, h))
            }
        }
        guard !missing.isEmpty else { return }
        let sites = missing.enumerated().map { k, m in
            let p = position(m.0)
            return GridSite(index: firstIndex + k, col: m.0.col, row: m.0.row, groundM: m.0.groundM,
                            tower: tower(m.0, height: m.1, id: m.0.id), xM: p.xM, yM: p.yM)
        }
        let coverage = request.coverage
        if !validated {
            try coverage.model.validate(Array(sites.prefix(1)), options: coverage.signal, settings: coverage.settings,
                                        hasLandCover: terrain.landCover != nil, warn: log)
            validated = true
        }
        var report: (@Sendable (Double) -> Void)?
        if let progress { report = { progress.fraction($0) } }
        let lists = CoverageEngine.servedCells(terrain: terrain, sites: sites, settings: coverage.settings,
                                               model: coverage.model.engineModel(coverage.signal), relevant: demand.relevant,
                                               threads: request.threads, progress: report)
        for (k, m) in missing.enumerated() { served[key(m.0, m.1)] = demand.elements(ofCells: lists[k]) }
    }

    /// The selection problem over `locations` × heights (every one swept).
    func problem(_ locations: [CandidateLocation], minSpacingM: Double) -> SiteSelectionProblem {
        var lists: [[Int32]] = [], locationOfCandidate: [Int] = []
        for (i, l) in locations.enumerated() {
            for h in templates.indices {
                lists.append(served[key(l, h)]!)
                locationOfCandidate.append(i)
            }
        }
        return SiteSelectionProblem(elementVillage: demand.elementVillage, elementPeople: demand.elementPeople, villageCap: demand.villageCap,
                                    villageWeight: demand.villageWeight, candidateElements: lists, candidateLocation: locationOfCandidate,
                                    locationXM: locations.map(\.xM), locationYM: locations.map(\.yM), minSpacingM: minSpacingM)
    }
}
