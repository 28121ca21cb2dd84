import BlankSpotCore
import BlankSpotGDAL
import Foundation

/// The outputs of `suggest`: sites.csv, sites.gpkg, curve.csv, after/ and run.json.
struct SuggestReport {
    let request: SuggestRequest
    let coverage: CoverageFolder
    let inputs: VillageInputs
    let before: [VillageCoverage]
    let demand: SuggestDemand
    let problem: SiteSelectionProblem
    let result: SiteSelectionResult
    /// The sites kept (greedy order; fewer than `result.sites` with a served-share target).
    let chosen: [Int]
    let evaluated: [CandidateLocation]
    let sweeper: CandidateSweeper
    let terrain: TerrainRaster
    let lpBound: Double?
    let baselines: SuggestBaselines

    /// One chosen site, with what it does.
    struct Site {
        var rank: Int
        var candidate: Int
        var location: CandidateLocation
        var heightM: Double
        var tower: Tower
        var peopleGain: Double
        var cumulativePeople: Double
        var objectiveGain: Double
        /// Villages whose status improves when this site is added (greedy order): the village,
        /// its status and served % just before and just after.
        var lifted: [(village: Int, from: VillageStatus, fromPercent: Double, to: VillageStatus, toPercent: Double)]
        /// Villages where this site and other chosen sites newly serve people: (village, other ranks).
        var shared: [(village: Int, ranks: [Int])]
        /// Candidates within 5 % of this site's gain with the others in place: (candidate, gain
        /// as a share of the site's own, %).
        var alternatives: [(candidate: Int, percentOfSite: Double)]
        /// The nearest existing tower in line of sight within 50 km: (id, km).
        var backhaul: (id: String, km: Double)?
    }

    var sites: [Site] { computed.sites }
    /// f of the sites kept, the bound on the optimum of as many sites, and the gap.
    var objective: Double { chosen.isEmpty ? 0 : result.curveValue[chosen.count - 1] }
    var bound: Double {
        guard !chosen.isEmpty else { return 0 }
        let online = result.curveBound[chosen.count - 1]
        // The LP bounds the optimum of K = --sites; it holds for fewer sites too.
        return max(objective, min(online, lpBound ?? .infinity))
    }
    var gap: Double { bound > 0 ? max(0, 1 - objective / bound) : 0 }
    var peopleNewlyServed: Double { computed.sites.last?.cumulativePeople ?? 0 }
    var villagesLifted: Int { computed.afterStatus.indices.filter { improved($0) }.count }

    private var computed: (sites: [Site], afterPercent: [Double], afterStatus: [VillageStatus?]) {
        if let c = cache.value { return c }
        let c = compute()
        cache.value = c
        return c
    }
    private let cache = Box()
    final class Box { var value: (sites: [Site], afterPercent: [Double], afterStatus: [VillageStatus?])? }

    init(request: SuggestRequest, coverage: CoverageFolder, inputs: VillageInputs, before: [VillageCoverage], demand: SuggestDemand,
         problem: SiteSelectionProblem, result: SiteSelectionResult, chosen: [Int], evaluated: [CandidateLocation],
         sweeper: CandidateSweeper, terrain: TerrainRaster, lpBound: Double?, baselines: SuggestBaselines) {
        self.baselines = baselines
        self.request = request
        self.coverage = coverage
        self.inputs = inputs
        self.before = before
        self.demand = demand
        self.problem = problem
        self.result = result
        self.chosen = chosen
        self.evaluated = evaluated
        self.sweeper = sweeper
        self.terrain = terrain
        self.lpBound = lpBound
    }

    var beforeStatus: [VillageStatus?] {
        var s = [VillageStatus?](repeating: nil, count: inputs.villages.count)
        for r in before where r.cellsWithTerrain > 0 { s[r.village.index] = r.status }
        return s
    }

    func improved(_ v: Int) -> Bool {
        guard let b = beforeStatus[v], let a = computed.afterStatus[v] else { return false }
        return Self.order(a) > Self.order(b)
    }

    static func order(_ s: VillageStatus) -> Int { s == .blank ? 0 : (s == .partial ? 1 : 2) }

    func percent(_ v: Int, newly: Double) -> Double {
        let total = demand.villagePeople[v]
        return total > 0 ? 100 * (demand.villageServed[v] + newly) / total : 0
    }

    private func compute() -> (sites: [Site], afterPercent: [Double], afterStatus: [VillageStatus?]) {
        let rules = request.villages.rules
        let statusBefore = beforeStatus
        var state = SelectionState(problem)
        var sites: [Site] = []
        var cumulative = 0.0
        var statusNow = statusBefore
        // Per village, the ranks of the chosen sites that newly serve people there on their own.
        var servingRanks = [[Int]](repeating: [], count: problem.villageCount)
        for (k, c) in chosen.enumerated() {
            let people = state.peopleGain(c), gain = state.gain(c)
            let percentBefore = (0..<problem.villageCount).map { percent($0, newly: state.newlyPeople[$0]) }
            state.add(c)
            cumulative += people
            var lifted: [(village: Int, from: VillageStatus, fromPercent: Double, to: VillageStatus, toPercent: Double)] = []
            for v in Set(problem.candidateElements[c].map { Int(problem.elementVillage[Int($0)]) }).sorted() {
                if problem.candidateElements[c].contains(where: { Int(problem.elementVillage[Int($0)]) == v && problem.elementPeople[Int($0)] > 0 }) {
                    servingRanks[v].append(k + 1)
                }
                guard let was = statusNow[v] else { continue }
                let now = rules.status(servedPercent: percent(v, newly: state.newlyPeople[v]))
                if Self.order(now) > Self.order(was) {
                    lifted.append((v, was, percentBefore[v], now, percent(v, newly: state.newlyPeople[v])))
                    statusNow[v] = now
                }
            }
            let l = evaluated[sweeper.locationOf(candidate: c)]
            let h = sweeper.heightOf(candidate: c)
            let tower = sweeper.tower(l, height: h, id: String(format: "S%02d", k + 1))
            sites.append(Site(rank: k + 1, candidate: c, location: l, heightM: tower.heightM, tower: tower, peopleGain: people,
                              cumulativePeople: cumulative, objectiveGain: gain, lifted: lifted, shared: [], alternatives: [], backhaul: nil))
        }
        for k in sites.indices {
            let rank = k + 1
            var shared: [(Int, [Int])] = []
            for v in servingRanks.indices where servingRanks[v].contains(rank) && servingRanks[v].count > 1 {
                shared.append((v, servingRanks[v].filter { $0 != rank }))
            }
            sites[k].shared = shared
            sites[k].alternatives = alternatives(for: k)
            sites[k].backhaul = backhaul(sites[k])
        }
        let afterPercent = (0..<problem.villageCount).map { percent($0, newly: state.newlyPeople[$0]) }
        let afterStatus = (0..<problem.villageCount).map { v in statusBefore[v].map { _ in rules.status(servedPercent: afterPercent[v]) } }
        return (sites, afterPercent, afterStatus)
    }

    /// Up to 3 other candidates whose gain, with the other chosen sites in place, is within
    /// 5 % of this site's (largest first, ties to the lower index); none at a chosen location.
    private func alternatives(for k: Int) -> [(candidate: Int, percentOfSite: Double)] {
        let s = chosen[k]
        var others = chosen
        others.remove(at: k)
        var state = SelectionState(problem)
        for o in others { state.add(o) }
        let own = state.gain(s)
        guard own > 0 else { return [] }
        let chosenLocations = Set(chosen.map { problem.candidateLocation[$0] })
        let gains = GreedySelection.allGains(state, threads: request.threads)
        var out: [(Int, Double)] = []
        for c in 0..<problem.candidateCount where !chosenLocations.contains(problem.candidateLocation[c])
            && gains[c] >= 0.95 * own && problem.feasible(c, with: others) {
            out.append((c, gains[c]))
        }
        out.sort { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
        return out.prefix(3).map { ($0.0, 100 * $0.1 / own) }
    }

    /// The nearest existing tower (within 50 km) that the new site sees over terrain and clutter.
    private func backhaul(_ site: Site) -> (id: String, km: Double)? {
        let grid = terrain.grid
        var near: [(km: Double, row: CoverageFolder.TowerRow)] = []
        for t in coverage.towers where t.used && t.xM.isFinite && t.yM.isFinite {
            let dx = t.xM - site.location.xM, dy = t.yM - site.location.yM
            let km = (dx * dx + dy * dy).squareRoot() / 1000
            if km <= 50 { near.append((km, t)) }
        }
        near.sort { $0.km < $1.km || ($0.km == $1.km && $0.row.index < $1.row.index) }
        for (km, t) in near {
            guard let cell = grid.cell(containingXM: t.xM, yM: t.yM) else { continue }
            let h = Double(t.fields["height_m"] ?? "") ?? 30
            if PointToPointVisibility.isClear(terrain: terrain, from: (site.location.col, site.location.row, site.heightM),
                                              to: (cell.col, cell.row, h)) {
                return (t.id, km)
            }
        }
        return nil
    }

    // MARK: writing

    func write(folder: String, started: String, timings: [String: Double], log: (String) -> Void) throws {
        func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
        try sitesCSV().write(toFile: path("sites.csv"), atomically: false, encoding: .utf8)
        try GeoPackageWriter.writePoints(path: path("sites.gpkg"), layer: "sites",
                                         points: sites.map { ($0.tower.lonDeg, $0.tower.latDeg) }, table: sitesTable())
        try GeoPackageStyles.add([LayerStyle(table: "sites", name: "blankspot sites", qml: OutputStyles.sitesQML,
                                             description: "suggested tower sites, labelled with their id")], to: path("sites.gpkg"))
        try KMZWriter.write(path: path("sites.kmz"), layers: [sitesKMZ()])
        try curveCSV().write(toFile: path("curve.csv"), atomically: false, encoding: .utf8)
        try baselines.csv(suggestion: (peopleNewlyServed, objective, chosen.count)).write(toFile: path("baselines.csv"), atomically: false, encoding: .utf8)
        try writeAfter(folder: path("after"), log: log)
        try manifest(started: started, timings: timings).write(to: path("run.json"))
    }

    private func villageLabel(_ v: Int) -> String {
        let r = inputs.villages[v]
        return r.name.isEmpty ? r.id : "\(r.id) \(r.name)"
    }

    private var columns: [(name: String, kind: AttributeTable.Kind)] {
        [("rank", .integer), ("id", .text), ("lon", .real), ("lat", .real), ("x_m", .real), ("y_m", .real), ("ground_m", .real),
         ("height_m", .real), ("people_newly_served", .real), ("cumulative_people_newly_served", .real), ("objective_gain", .real),
         ("villages_lifted", .integer), ("lifted_villages", .text), ("shared_villages", .text), ("alternatives", .text),
         ("backhaul_line_of_sight", .text), ("candidate", .text)]
    }

    private func values(_ s: Site) -> [AttributeTable.Value] {
        let lifted = s.lifted.map { l in
            "\(villageLabel(l.village)) (\(l.from.rawValue) \(CSVWriter.number(l.fromPercent, decimals: 1)) % → \(l.to.rawValue) \(CSVWriter.number(l.toPercent, decimals: 1)) %)"
        }.joined(separator: "; ")
        let shared = s.shared.map { "\(villageLabel($0.village)) (with " + $0.ranks.map { String(format: "S%02d", $0) }.joined(separator: ", ") + ")" }
            .joined(separator: "; ")
        let alternatives = s.alternatives.map { a -> String in
            let l = evaluated[sweeper.locationOf(candidate: a.candidate)]
            let p = sweeper.position(l)
            return "\(CSVWriter.number(p.lonDeg, decimals: 5)) \(CSVWriter.number(p.latDeg, decimals: 5)) \(CSVWriter.number(sweeper.templates[sweeper.heightOf(candidate: a.candidate)].heightM)) m (\(CSVWriter.number(a.percentOfSite, decimals: 1)) % of its gain)"
        }.joined(separator: "; ")
        let backhaul = s.backhaul.map { "\($0.id) (\(CSVWriter.number($0.km, decimals: 1)) km)" } ?? ""
        return [.integer(s.rank), .text(s.tower.id), .real(s.tower.lonDeg), .real(s.tower.latDeg), .real(s.location.xM), .real(s.location.yM),
                .real(s.location.groundM), .real(s.heightM), .real(s.peopleGain), .real(s.cumulativePeople), .real(s.objectiveGain),
                .integer(s.lifted.count), .text(lifted), .text(shared), .text(alternatives), .text(backhaul), .text(s.location.id)]
    }

    /// The sites as placemarks: id, and what each brings, in Bahasa Indonesia and English.
    func sitesKMZ() -> KMZLayer {
        let table = AttributeTable(
            columns: [("name", .text), ("description", .text), ("rank", .integer), ("ground_m", .real), ("height_m", .real),
                      ("people_newly_served", .real), ("villages_lifted", .integer)],
            rows: sites.map { s in
                let description = "usulan lokasi BTS (suggested site) \(s.rank); menara (tower) \(IndonesianNumber.format(s.heightM)) m; "
                    + "penduduk terlayani baru (people newly served) \(IndonesianNumber.format(s.peopleGain)); "
                    + "desa naik status (villages lifted) \(s.lifted.count)"
                return [.text(s.tower.id), .text(description), .integer(s.rank), .real(s.location.groundM), .real(s.heightM),
                        .real((s.peopleGain * 10).rounded() / 10), .integer(s.lifted.count)]
            })
        return KMZLayer(name: "usulan lokasi BTS (suggested sites)", geometry: .points(sites.map { ($0.tower.lonDeg, $0.tower.latDeg) }),
                        table: table, styles: sites.map { _ in "SYMBOL(id:\"ogr-sym-7\",c:\(Palette.site.hex),s:1.4)" })
    }

    func sitesTable() -> AttributeTable {
        AttributeTable(columns: columns, rows: sites.map(values))
    }

    func sitesCSV() -> String {
        var text = CSVWriter.line(columns.map(\.name))
        for s in sites {
            text += CSVWriter.line(values(s).enumerated().map { i, v in
                switch v {
                case .text(let t): return t
                case .integer(let n): return String(n)
                case .real(let x):
                    let name = columns[i].name
                    return CSVWriter.number(x, decimals: name == "lon" || name == "lat" ? 7 : (name.hasSuffix("_m") ? 1 : 1))
                case .null: return ""
                }
            })
        }
        return text
    }

    func curveCSV() -> String {
        var text = CSVWriter.line(["sites", "people_newly_served", "served_percent", "villages_lifted", "objective", "upper_bound", "gap_percent"])
        let people = demand.villagePeople.reduce(0, +), servedToday = demand.villageServed.reduce(0, +)
        var state = SelectionState(problem)
        var status = beforeStatus
        var lifted = 0
        text += CSVWriter.line(["0", "0", CSVWriter.number(people > 0 ? 100 * servedToday / people : 0, decimals: 2), "0", "0", "", ""])
        for (k, c) in chosen.enumerated() {
            state.add(c)
            for v in Set(problem.candidateElements[c].map { Int(problem.elementVillage[Int($0)]) }) {
                guard let was = status[v] else { continue }
                let now = request.villages.rules.status(servedPercent: percent(v, newly: state.newlyPeople[v]))
                status[v] = Self.order(now) > Self.order(was) ? now : was
            }
            lifted = status.indices.filter { v in
                guard let b = beforeStatus[v], let n = status[v] else { return false }
                return Self.order(n) > Self.order(b)
            }.count
            let served = servedToday + state.peopleNewlyServed
            let value = state.value, bound = result.curveBound[k]
            text += CSVWriter.line([String(k + 1), CSVWriter.number(state.peopleNewlyServed, decimals: 1),
                                    CSVWriter.number(people > 0 ? 100 * served / people : 0, decimals: 2), String(lifted),
                                    CSVWriter.number(value, decimals: 1), CSVWriter.number(bound, decimals: 1),
                                    CSVWriter.number(bound > 0 ? 100 * max(0, 1 - value / bound) : 0, decimals: 2)])
        }
        return text
    }

    /// after/: the village verdicts with the chosen sites' served cells added, and the tower
    /// file with the sites appended (a `run` on it reproduces the verdicts).
    private func writeAfter(folder: String, log: (String) -> Void) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var classes = coverage.layers.classes
        var count = coverage.layers.serverCount
        for c in chosen {
            var cells = Set<Int32>()
            for e in problem.candidateElements[c] { cells.insert(demand.elementCell[Int(e)]) }
            for cell in cells {
                if classes[Int(cell)] == 0 { classes[Int(cell)] = 1 }
                count[Int(cell)] += 1
            }
        }
        var after = coverage
        after.layers = CoverageLayers(grid: coverage.layers.grid, classes: classes, signalDBm: coverage.layers.signalDBm,
                                      bestServer: coverage.layers.bestServer, serverCount: count)
        for (k, s) in sites.enumerated() {
            after.towers.append(CoverageFolder.TowerRow(index: coverage.towers.count + k, id: s.tower.id, xM: s.location.xM, yM: s.location.yM,
                                                        used: true, fields: [:], line: 0))
        }
        // Point-to-point confirmation re-checks today's towers only: not repeated here.
        var villages = request.villages
        villages.confirm = nil
        _ = try VillagesJob.writeVerdicts(villages, coverage: after, inputs: inputs,
                                          path: { (folder as NSString).appendingPathComponent($0) }, destination: folder, log: { _ in })
        try towersWithSites().write(toFile: (folder as NSString).appendingPathComponent("towers_with_sites.csv"), atomically: false, encoding: .utf8)
    }

    /// The coverage run's used towers as a tower file, then the new sites.
    func towersWithSites() -> String {
        let header = ["id", "lon", "lat", "height_m", "technology", "frequency_mhz", "eirp_dbm", "azimuth_deg", "beamwidth_deg", "tilt_deg"]
        var text = CSVWriter.line(header)
        for t in coverage.towers where t.used {
            text += CSVWriter.line(header.map { t.fields[$0] ?? "" })
        }
        for s in sites {
            let t = s.tower
            text += CSVWriter.line([t.id, CSVWriter.number(t.lonDeg, decimals: 7), CSVWriter.number(t.latDeg, decimals: 7), CSVWriter.number(t.heightM),
                                    t.technology.rawValue, CSVWriter.number(t.frequencyMHz), CSVWriter.number(t.eirpDBm),
                                    t.azimuthDeg.map { CSVWriter.number($0) } ?? "", CSVWriter.number(t.beamwidthDeg), CSVWriter.number(t.tiltDeg)])
        }
        return text
    }

    private func manifest(started: String, timings: [String: Double]) -> SuggestManifest {
        let people = demand.villagePeople.reduce(0, +)
        var parameters: [String: String] = [
            "sites": String(request.sites),
            "candidates": request.candidatesPath.map { "offered parcels \($0)" } ?? "lattice every \(CSVWriter.number(request.gridM)) m inside the villages, and the highest permitted point and the centroid of each of the first \(request.sites) blank villages of the priority list",
            "heights_m": request.heightsM.map { CSVWriter.number($0) }.joined(separator: ","),
            "min_spacing_km": CSVWriter.number(request.minSpacingKm),
            "max_sweeps": String(request.maxSweeps),
            "template": sweeper.templates[0].origin + ": \(sweeper.templates[0].technology.rawValue), \(CSVWriter.number(sweeper.templates[0].frequencyMHz)) MHz, EIRP \(CSVWriter.number(sweeper.templates[0].eirpDBm)) dBm, "
                + (sweeper.templates[0].azimuthDeg.map { "azimuth \(CSVWriter.number($0))°, beamwidth \(CSVWriter.number(sweeper.templates[0].beamwidthDeg))°" } ?? "omnidirectional")
                + ", tilt \(CSVWriter.number(sweeper.templates[0].tiltDeg))°",
            "objective": "Σ over villages of weight × min(cap, people newly served); cap = covered share × people − people served today; weight \(CSVWriter.number(request.villages.blankWeight)) for blank villages, else 1",
            "covered_percent": CSVWriter.number(request.villages.rules.coveredPercent),
            "blank_percent": CSVWriter.number(request.villages.rules.blankPercent),
            "coverage": request.coveragePath,
            "model": request.coverage.model.rawValue,
            "solver": "lazy greedy (CELF), then 1-swap local search, ties to the lower candidate index",
        ]
        if let t = request.targetServedPercent { parameters["target_served_percent"] = CSVWriter.number(t) }
        if request.excludePaths.count > 0 { parameters["exclude"] = request.excludePaths.joined(separator: ", ") }
        return SuggestManifest(
            command: request.commandLine, startedUTC: started, threads: request.threads, parameters: parameters,
            counts: ["candidate_locations_evaluated": evaluated.count, "candidate_sweeps": sweeper.sweeps, "candidates": problem.candidateCount,
                     "unserved_cells_in_villages": demand.elementCell.count, "sites": chosen.count, "villages_lifted": villagesLifted],
            people: .init(inVillages: (people * 10).rounded() / 10, servedToday: (demand.villageServed.reduce(0, +) * 10).rounded() / 10,
                          newlyServed: (peopleNewlyServed * 10).rounded() / 10),
            certificate: .init(objective: (objective * 10).rounded() / 10,
                               greedyObjective: (result.greedyValue * 10).rounded() / 10,
                               upperBound: (bound * 10).rounded() / 10, lpUpperBound: lpBound.map { ($0 * 10).rounded() / 10 },
                               gapPercent: (gap * 10_000).rounded() / 100, swaps: result.swap.swaps,
                               greedyEvaluations: result.greedy.evaluations, swapEvaluations: result.swap.evaluations,
                               method: "the least of: the online bound of greedy (Minoux 1978; Leskovec et al. 2007), f(S) + the K largest marginal gains against S over the greedy sets and the prefixes of the answer; and the optimum of the LP relaxation (GLPK simplex), when solved"),
            timingsS: timings, outputs: ["sites.csv", "sites.gpkg", "sites.kmz", "curve.csv", "baselines.csv", "after/", "run.json"],
            baselines: baselines.rows.map { .init(rule: $0.rule, sites: $0.sites, peopleNewlyServed: ($0.peopleNewlyServed * 10).rounded() / 10,
                                                  objective: ($0.objective * 10).rounded() / 10) })
    }
}

/// suggest's run.json.
struct SuggestManifest: Encodable {
    var tool = "blankspot suggest"
    var version = BlankSpotVersion.string
    var command: [String]
    var startedUTC: String
    var threads: Int
    var parameters: [String: String]
    var counts: [String: Int]
    var people: People
    var certificate: Certificate
    var timingsS: [String: Double]
    var outputs: [String]
    /// Simple rules at the same number of sites (baselines.csv).
    var baselines: [Baseline]

    struct Baseline: Encodable {
        var rule: String
        var sites: Int
        var peopleNewlyServed: Double
        var objective: Double
    }

    struct People: Encodable {
        var inVillages: Double
        var servedToday: Double
        var newlyServed: Double
    }

    struct Certificate: Encodable {
        var objective: Double
        var greedyObjective: Double
        var upperBound: Double
        var lpUpperBound: Double?
        var gapPercent: Double
        var swaps: Int
        var greedyEvaluations: Int
        var swapEvaluations: Int
        var method: String
    }

    func write(to path: String) throws {
        try OutputJSON.encoder().encode(self).write(to: URL(fileURLWithPath: path))
    }
}
