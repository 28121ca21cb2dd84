import BlankSpotCore
import Foundation

/// Simple rules a planner might use instead, evaluated with the same sweeps and objective as
/// the suggestion, at the same number of sites (`baselines.csv`):
/// - the highest permitted cell of each of the K first blank villages of the priority list;
/// - the centroid cell of each of those villages, when permitted;
/// - K random candidates (feasible together), the mean and the best of 20 draws.
/// A rule's sites that conflict (closer than the minimum spacing) are dropped, later ones
/// first, so that every rule is a set the suggestion could have chosen.
struct SuggestBaselines {
    struct Row {
        var rule: String
        var sites: Int
        var peopleNewlyServed: Double
        var objective: Double
    }

    /// The sites of the two village rules.
    struct RuleSites {
        var highest: [CandidateLocation] = []
        var centroid: [CandidateLocation] = []
        var all: [CandidateLocation] { highest + centroid }
    }

    var rows: [Row] = []

    /// The highest permitted cell, and the centroid cell when permitted, of each of the first
    /// `k` blank villages of the priority list.
    static func ruleSites(before: [VillageCoverage], inputs: VillageInputs, rules: CandidateRules, blankWeight: Double, count k: Int) -> RuleSites {
        var sites = RuleSites()
        guard k > 0 else { return sites }
        let terrain = rules.terrain, grid = terrain.grid
        let blank = PriorityList(before, blankWeight: blankWeight).entries.filter { $0.coverage.status == .blank }.prefix(k)
        let lists = VillageAggregation.cellLists(villageCount: inputs.villages.count, cells: inputs.cells)
        func location(_ id: String, cell: Int) -> CandidateLocation {
            let col = cell % grid.width, row = cell / grid.width
            return CandidateLocation(id: id, col: col, row: row, xM: grid.centreXM(col: col), yM: grid.centreYM(row: row),
                                     groundM: Double(terrain.heightsM[cell]), latticeI: -1, latticeJ: -1)
        }
        for e in blank {
            let v = e.coverage.village
            // Highest first, ties to the lower cell index; the first one permitted.
            let byHeight = lists[v.index].filter { !terrain.heightsM[$0].isNaN }.sorted {
                terrain.heightsM[$0] > terrain.heightsM[$1] || (terrain.heightsM[$0] == terrain.heightsM[$1] && $0 < $1)
            }
            if let top = byHeight.first(where: { rules.refusal(col: $0 % grid.width, row: $0 / grid.width) == nil }) {
                sites.highest.append(location("highest point of \(v.id)", cell: top))
            }
            if let c = grid.cell(containingXM: v.centroidXM, yM: v.centroidYM), rules.refusal(col: c.col, row: c.row) == nil {
                sites.centroid.append(location("centroid of \(v.id)", cell: c.row * grid.width + c.col))
            }
        }
        return sites
    }

    /// - Parameters:
    ///   - evaluated: the candidate locations of the suggestion; random draws take the ones
    ///     from `firstRandom` on (the lattice or the offered parcels, not the rule sites).
    init(rules ruleSites: RuleSites, sites k: Int, evaluated: [CandidateLocation], firstRandom: Int, randomLabel: String,
         sweeper: CandidateSweeper, minSpacingM: Double, progress: ProgressReporter?) throws {
        guard k > 0 else { return }
        let all = evaluated + ruleSites.all
        try sweeper.sweep(ruleSites.all, progress: progress)
        let problem = sweeper.problem(all, minSpacingM: minSpacingM)
        // The tallest offered height at each rule's locations.
        let tallest = sweeper.templates.indices.max { sweeper.templates[$0].heightM < sweeper.templates[$1].heightM }!
        let heights = sweeper.templates.count
        func evaluate(_ candidates: [Int]) -> (people: Double, objective: Double, sites: Int) {
            var state = SelectionState(problem)
            for c in candidates where problem.feasible(c, with: state.chosen) { state.add(c) }
            return (state.peopleNewlyServed, state.value, state.chosen.count)
        }
        let nh = ruleSites.highest.count
        let h = evaluate((0..<nh).map { (evaluated.count + $0) * heights + tallest })
        let c = evaluate((0..<ruleSites.centroid.count).map { (evaluated.count + nh + $0) * heights + tallest })
        rows.append(Row(rule: "highest point of each of the first \(nh) blank villages of the priority list", sites: h.sites,
                        peopleNewlyServed: h.people, objective: h.objective))
        rows.append(Row(rule: "centroid of each of the first \(ruleSites.centroid.count) blank villages of the priority list", sites: c.sites,
                        peopleNewlyServed: c.people, objective: c.objective))
        // Random feasible draws (seeded: the same every run).
        var rng = SplitMix64(seed: 20_261_204)
        var draws: [(people: Double, objective: Double, sites: Int)] = []
        let first = firstRandom * heights, pool = (evaluated.count - firstRandom) * heights
        for _ in 0..<20 where pool > 0 {
            var chosen: [Int] = []
            var tries = 0
            while chosen.count < k && tries < 100 * k {
                tries += 1
                let c = first + Int(rng.next() % UInt64(pool))
                if !chosen.contains(c) && problem.feasible(c, with: chosen) { chosen.append(c) }
            }
            draws.append(evaluate(chosen))
        }
        if !draws.isEmpty {
            let mean = (people: draws.map(\.people).reduce(0, +) / Double(draws.count), objective: draws.map(\.objective).reduce(0, +) / Double(draws.count))
            let best = draws.max { $0.objective < $1.objective }!
            rows.append(Row(rule: "random \(randomLabel), mean of 20 draws", sites: k, peopleNewlyServed: mean.people, objective: mean.objective))
            rows.append(Row(rule: "random \(randomLabel), best of 20 draws", sites: best.sites, peopleNewlyServed: best.people, objective: best.objective))
        }
    }

    /// Candidate indices (at the tallest height) of each village rule, as seeds for the solver:
    /// `ruleSites` must stand at locations `offset…` of the problem's locations.
    static func seeds(_ ruleSites: RuleSites, offset: Int, templates: [Tower]) -> [[Int]] {
        let tallest = templates.indices.max { templates[$0].heightM < templates[$1].heightM }!
        let h = templates.count, nh = ruleSites.highest.count
        return [(0..<nh).map { (offset + $0) * h + tallest },
                (0..<ruleSites.centroid.count).map { (offset + nh + $0) * h + tallest }]
    }

    func csv(suggestion: (people: Double, objective: Double, sites: Int)) -> String {
        var text = CSVWriter.line(["rule", "sites", "people_newly_served", "objective", "objective_percent_of_suggestion"])
        text += CSVWriter.line(["suggestion (lazy greedy + swap)", String(suggestion.sites), CSVWriter.number(suggestion.people, decimals: 1),
                                CSVWriter.number(suggestion.objective, decimals: 1), "100"])
        for r in rows {
            text += CSVWriter.line([r.rule, String(r.sites), CSVWriter.number(r.peopleNewlyServed, decimals: 1), CSVWriter.number(r.objective, decimals: 1),
                                    suggestion.objective > 0 ? CSVWriter.number(100 * r.objective / suggestion.objective, decimals: 1) : ""])
        }
        return text
    }
}
