/// Per-village coverage: which cells, how many people, how much of them served.
public enum VillageAggregation {
    /// Cell indices per village (input order, cell order): the owner raster, then the extras.
    public static func cellLists(villageCount n: Int, cells: VillageCells) -> [[Int]] {
        var lists = [[Int]](repeating: [], count: n)
        cells.owner.withUnsafeBufferPointer { owner in
            for i in 0..<owner.count where owner[i] >= 0 { lists[Int(owner[i])].append(i) }
        }
        for e in cells.extra { lists[Int(e.village)].append(e.cell) }
        return lists
    }

    /// People per cell of village `v`'s cells with terrain (`list`): from the raster, or the
    /// attribute spread evenly; 1 per cell (shares by area, `hasPopulation` false) without either.
    public static func people(of v: Village, cells list: [Int], populationPerCell: [Float]?) -> (people: [Double], hasPopulation: Bool) {
        if let populationPerCell {
            return (list.map { let p = populationPerCell[$0]; return p.isNaN ? 0 : Double(p) }, true)
        } else if let total = v.population, !list.isEmpty {
            return ([Double](repeating: total / Double(list.count), count: list.count), true)
        }
        return ([Double](repeating: 1, count: list.count), v.population != nil)
    }

    /// - Parameters:
    ///   - populationPerCell: people per cell from a population raster (nan = none), or nil to
    ///     spread each village's attribute population evenly over its cells.
    ///   - towers: (x, y) of the used towers in the analysis CRS, for the nearest-tower distance.
    ///   - rules: status thresholds.
    public static func aggregate(villages: [Village], cells: VillageCells, coverage: CoverageLayers,
                                 populationPerCell: [Float]?, towers: [(xM: Double, yM: Double)],
                                 rules: VillageStatusRules) -> [VillageCoverage] {
        let cellLists = cellLists(villageCount: villages.count, cells: cells)

        return villages.map { v in
            let list = cellLists[v.index].filter { coverage.hasTerrain($0) }
            let (people, hasPopulation) = Self.people(of: v, cells: list, populationPerCell: populationPerCell)
            let population = hasPopulation ? people.reduce(0, +) : (v.population ?? 0)
            var servedCells = 0, servedPeople = 0.0, maxCount = 0
            var peopleByTower: [Int: Double] = [:]
            var signals: [Double] = []
            for (k, i) in list.enumerated() {
                let served = coverage.isServed(i)
                if served {
                    servedCells += 1
                    servedPeople += people[k]
                    let b = coverage.bestServer[i]
                    if !b.isNaN && b >= 0 { peopleByTower[Int(b), default: 0] += max(people[k], 1e-9) }
                }
                let c = coverage.serverCount[i]
                if !c.isNaN { maxCount = max(maxCount, Int(c)) }
                if let signal = coverage.signalDBm {
                    let s = signal[i]
                    signals.append(s.isNaN ? -.infinity : Double(s))
                }
            }
            let peopleTotal = people.reduce(0, +)
            let areaShare = list.isEmpty ? 0 : 100 * Double(servedCells) / Double(list.count)
            let peopleShare = peopleTotal > 0 ? 100 * servedPeople / peopleTotal : areaShare
            let deciding = hasPopulation ? peopleShare : areaShare
            let status = rules.status(servedPercent: deciding)
            signals.sort()
            func percentile(_ q: Double) -> Double? {
                guard !signals.isEmpty else { return nil }
                let v = signals[min(signals.count - 1, Int((q * Double(signals.count - 1)).rounded()))]
                return v.isFinite ? v : nil
            }
            // The main tower: most people; ties to the lower index.
            let main = peopleByTower.max { a, b in a.value < b.value || (a.value == b.value && a.key > b.key) }?.key
            var nearest: Double?
            for t in towers {
                let dx = t.xM - v.centroidXM, dy = t.yM - v.centroidYM
                let dKm = (dx * dx + dy * dy).squareRoot() / 1000
                nearest = min(nearest ?? .infinity, dKm)
            }
            return VillageCoverage(
                village: v, cells: cellLists[v.index].count, cellsWithTerrain: list.count, population: population,
                hasPopulation: hasPopulation, coveredAreaPercent: areaShare, coveredPopulationPercent: peopleShare,
                uncoveredPopulation: hasPopulation ? population * (1 - peopleShare / 100) : 0,
                medianSignalDBm: percentile(0.5), p10SignalDBm: percentile(0.1), mainTowerIndex: main,
                servingTowers: peopleByTower.count, maxServerCount: maxCount, nearestTowerKm: nearest,
                status: status, decidingPercent: deciding)
        }
    }
}

/// The priority list: blank and partly covered villages, most people without service first.
///
/// score = uncovered people × (blank weight if the village is blank, else 1). A blank village
/// has no usable signal anywhere (no emergency call), so its people count `blankWeight` times
/// (default 1.5); ties go to the larger uncovered share, then the farther nearest tower (harder
/// to reach from existing sites), then the id.
public struct PriorityList: Sendable {
    public struct Entry: Sendable {
        public var rank: Int
        public var coverage: VillageCoverage
        public var weight: Double
        public var score: Double
    }

    public var entries: [Entry]

    public init(_ coverages: [VillageCoverage], blankWeight: Double = 1.5) {
        let candidates = coverages.filter { $0.status != .covered && $0.cellsWithTerrain > 0 }
        let scored = candidates.map { c -> Entry in
            let w = c.status == .blank ? blankWeight : 1
            return Entry(rank: 0, coverage: c, weight: w, score: c.uncoveredPopulation * w)
        }
        let sorted = scored.sorted { a, b in
            if a.score != b.score { return a.score > b.score }
            let ua = 100 - a.coverage.decidingPercent, ub = 100 - b.coverage.decidingPercent
            if ua != ub { return ua > ub }
            let na = a.coverage.nearestTowerKm ?? .infinity, nb = b.coverage.nearestTowerKm ?? .infinity
            if na != nb { return na > nb }
            return a.coverage.village.id < b.coverage.village.id
        }
        entries = sorted.enumerated().map { var e = $0.element; e.rank = $0.offset + 1; return e }
    }
}
